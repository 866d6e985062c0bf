using Microsoft.Extensions.Logging;

namespace Warning.Engine.Dispatch;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Error, "Adapter batch of {Count} on channel {Channel} for version {VersionId} failed unexpectedly; recorded as Failed")]
    public static partial void BatchCrashed(ILogger logger, Exception exception, string channel, string versionId, int count);

    [LoggerMessage(1002, LogLevel.Warning, "Version {VersionId} on {Channel}: {Count} recipients were claimed by a run that never confirmed them; policy: {Decision}")]
    public static partial void UnknownRecipients(ILogger logger, string versionId, string channel, int count, string decision);

    [LoggerMessage(1003, LogLevel.Information, "Version {VersionId} on {Channel} is no longer current; {Count} queued recipients are not sent")]
    public static partial void Superseded(ILogger logger, string versionId, string channel, int count);

    [LoggerMessage(1004, LogLevel.Warning, "Dispatch store unavailable for version {VersionId} on {Channel}; retrying in {DelayMs} ms")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string versionId, string channel, double delayMs);

    [LoggerMessage(1005, LogLevel.Warning, "Circuit of channel {Channel} is now {State}")]
    public static partial void CircuitChanged(ILogger logger, string channel, Polly.CircuitBreaker.CircuitState state);

    [LoggerMessage(1006, LogLevel.Warning, "Channel {Channel} throttled by its provider: every sender pauses {PauseMs} ms")]
    public static partial void ChannelPaused(ILogger logger, string channel, double pauseMs);

    [LoggerMessage(1007, LogLevel.Warning, "Version {VersionId}: {Count} recipients {Channel} could not serve fall back to {Fallback}")]
    public static partial void FallingBack(ILogger logger, string versionId, string channel, string fallback, int count);
}
