using Microsoft.Extensions.Logging;

namespace Warning.Channels.WeChat;

internal static partial class Log
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Channel {Channel}: {Count} sends throttled by the platform ({Detail})")]
    public static partial void Throttled(ILogger logger, string channel, int count, string? detail);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Error, Message = "Channel {Channel}: no access token ({Detail})")]
    public static partial void TokenUnavailable(ILogger logger, string channel, string detail);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Channel {Channel}: robot '{Robot}' is not configured")]
    public static partial void UnknownRobot(ILogger logger, string channel, string robot);
}
