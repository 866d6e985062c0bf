namespace Warning.Channels.Mqtt;

/// <summary>The MQTT 5 message expiry interval (whole seconds) for a command.</summary>
internal static class MessageExpiry
{
    /// <summary>
    /// Seconds left until <paramref name="expires"/>, rounded up, or <paramref name="fallback"/> when the warning
    /// has no expiry; null when it has already expired (nothing to send). The broker then drops the command for a
    /// device that reconnects too late, which is what keeps an expired warning off a sign.
    /// </summary>
    public static uint? Seconds(DateTimeOffset? expires, DateTimeOffset now, TimeSpan fallback)
    {
        var left = expires is { } at ? at - now : fallback;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }
        var seconds = Math.Ceiling(left.TotalSeconds);
        return seconds >= uint.MaxValue ? uint.MaxValue : (uint)seconds;
    }
}
