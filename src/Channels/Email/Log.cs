using Microsoft.Extensions.Logging;

namespace Warning.Channels.Email;

internal static partial class Log
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Channel {Channel}: SMTP server {Host}:{Port} unusable ({Detail}); {Count} messages left transient")]
    public static partial void ConnectionFailed(ILogger logger, string channel, string host, int port, string detail, int count);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Debug, Message = "Channel {Channel}: recipient refused ({StatusCode} {Detail})")]
    public static partial void RecipientRefused(ILogger logger, string channel, int statusCode, string detail);
}
