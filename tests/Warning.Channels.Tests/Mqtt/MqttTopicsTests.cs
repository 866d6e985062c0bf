using Warning.Channels.Mqtt;

namespace Warning.Channels.Tests.Mqtt;

public sealed class MqttTopicsTests
{
    private readonly MqttTopics _sut = new("ews", "440106");

    [Fact]
    public void Command_Device_IsRootDistrictKindDeviceCmd() =>
        Assert.Equal("ews/440106/led/LED-0001/cmd", _sut.Command("led", "LED-0001"));

    [Fact]
    public void AckFilter_WithShareGroup_IsASharedSubscriptionOverEveryDevice()
    {
        Assert.Equal("$share/warning/ews/440106/+/+/ack", _sut.AckFilter("warning"));
        Assert.Equal("ews/440106/+/+/ack", _sut.AckFilter(null));
    }

    [Fact]
    public void TryParseAck_OwnAckTopic_GivesKindAndDevice()
    {
        Assert.True(_sut.TryParseAck(_sut.Ack("broadcast", "BC-7"), out var kind, out var device));
        Assert.Equal(("broadcast", "BC-7"), (kind, device));
    }

    [Theory]
    [InlineData("ews/440106/led/LED-1/cmd")]
    [InlineData("ews/440107/led/LED-1/ack")]
    [InlineData("ews/440106/led/a/b/ack")]
    public void TryParseAck_OtherTopic_False(string topic) => Assert.False(_sut.TryParseAck(topic, out _, out _));

    [Theory]
    [InlineData("LED-0001", true)]
    [InlineData("海珠-广场-1", true)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    [InlineData("a+", false)]
    [InlineData("#", false)]
    public void IsUsableDeviceId_Id_OneTopicLevelWithoutWildcards(string id, bool usable) =>
        Assert.Equal(usable, MqttTopics.IsUsableDeviceId(id));
}
