using Warning.Channels.Mqtt;

namespace Warning.Channels.Tests.Mqtt;

public sealed class MessageExpiryTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Fallback = TimeSpan.FromHours(6);

    [Fact]
    public void Seconds_PartOfASecondLeft_RoundsUpSoTheLastMomentStillCounts() =>
        Assert.Equal(11u, MessageExpiry.Seconds(Now.AddSeconds(10.2), Now, Fallback));

    [Fact]
    public void Seconds_AlreadyExpired_IsNull()
    {
        Assert.Null(MessageExpiry.Seconds(Now, Now, Fallback));
        Assert.Null(MessageExpiry.Seconds(Now.AddMinutes(-1), Now, Fallback));
    }

    [Fact]
    public void Seconds_WarningWithoutExpiry_UsesTheFallback() => Assert.Equal(6u * 3600, MessageExpiry.Seconds(null, Now, Fallback));

    [Fact]
    public void Seconds_FarFuture_ClampsToTheLargestInterval() =>
        Assert.Equal(uint.MaxValue, MessageExpiry.Seconds(DateTimeOffset.MaxValue, Now, Fallback));
}
