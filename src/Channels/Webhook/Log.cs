using Microsoft.Extensions.Logging;

namespace Warning.Channels.Webhook;

internal static partial class Log
{
    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "Channel {Channel}: subscriber endpoint unreachable ({Detail})")]
    public static partial void EndpointUnreachable(ILogger logger, string channel, string detail);
}
