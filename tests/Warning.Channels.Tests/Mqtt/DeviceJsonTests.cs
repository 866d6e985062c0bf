using System.Text;
using Warning.Channels.Mqtt;

namespace Warning.Channels.Tests.Mqtt;

public sealed class DeviceJsonTests
{
    [Fact]
    public void Serialize_ShowCommand_CamelCaseUtf8ChineseAndNoNulls()
    {
        var command = new DeviceCommand("id1", "show", "t1", "v1") { Pages = [["暴雨预警"]], PageSeconds = 5 };
        var json = Encoding.UTF8.GetString(DeviceJson.Serialize(command));
        Assert.Equal("""{"msgId":"id1","action":"show","threadId":"t1","versionId":"v1","pages":[["暴雨预警"]],"pageSeconds":5}""", json);
    }

    [Theory]
    [InlineData("""{"msgId":"m","status":"shown"}""", true, false)]
    [InlineData("""{"msgId":"m","status":"failed","detail":"lamp fault"}""", false, true)]
    [InlineData("""{"msgId":"m","status":"booting"}""", false, false)]
    public void ReadAck_Status_DoneOrFailedOrNeither(string payload, bool done, bool failed)
    {
        var ack = DeviceJson.ReadAck(new(Encoding.UTF8.GetBytes(payload)));
        Assert.Equal((done, failed), (ack!.IsDone, ack.IsFailed));
    }

    [Fact]
    public void ReadAck_NotJson_Null() => Assert.Null(DeviceJson.ReadAck(new("not json"u8.ToArray())));
}
