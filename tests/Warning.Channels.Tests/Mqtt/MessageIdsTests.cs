using Warning.Channels.Mqtt;

namespace Warning.Channels.Tests.Mqtt;

public sealed class MessageIdsTests
{
    [Fact]
    public void For_SameVersionDeviceAndAction_IsTheSameIdEveryTime()
    {
        // Pinned: devices remember ids across our releases, so the recipe must never change
        // (first 16 bytes of SHA-256 over "v1\nled-1\nshow", computed with Python's hashlib).
        Assert.Equal("0c936697e1d559c55302cc1c8849a1e3", MessageIds.For("v1", "led-1", "show"));
        Assert.Equal(MessageIds.For("v1", "led-1", "show"), MessageIds.For("v1", "led-1", "show"));
    }

    [Theory]
    [InlineData("v2", "led-1", "show")]
    [InlineData("v1", "led-2", "show")]
    [InlineData("v1", "led-1", "clear:cancelled")]
    [InlineData("v1\nled-1", "", "show")]
    public void For_AnyPartDiffers_IsAnotherId(string version, string device, string action) =>
        Assert.NotEqual(MessageIds.For("v1", "led-1", "show"), MessageIds.For(version, device, action));
}
