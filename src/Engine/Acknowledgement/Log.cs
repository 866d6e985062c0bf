using Microsoft.Extensions.Logging;

namespace Warning.Engine.Acknowledgement;

internal static partial class Log
{
    [LoggerMessage(1901, LogLevel.Error, "叫应 message on {Channel} for request {RequestId} failed unexpectedly; recorded as Failed")]
    public static partial void SendCrashed(ILogger logger, Exception exception, string channel, string requestId);

    [LoggerMessage(1903, LogLevel.Information, "叫应 reply on {Channel} matched no pending request")]
    public static partial void ReplyUnmatched(ILogger logger, string channel);

    [LoggerMessage(1904, LogLevel.Error, "叫应 could not start for version {VersionId}")]
    public static partial void StartFailed(ILogger logger, Exception exception, string versionId);
}
