namespace Warning.Peers.Hosting;

internal static partial class Log
{
    [LoggerMessage(10, LogLevel.Information, "Warning.Peers (our stand-ins, not vendor products) on {Urls}; device page at /")]
    public static partial void Started(ILogger logger, string urls);

    [LoggerMessage(11, LogLevel.Information, "Broadcast platform: sender key {SenderKey} (host signs with it), platform public key {PlatformKey}")]
    public static partial void PlatformKeys(ILogger logger, string senderKey, string platformKey);

    [LoggerMessage(12, LogLevel.Warning, "Broadcast platform unavailable: {Reason}")]
    public static partial void PlatformUnavailable(ILogger logger, string reason);
}
