using Microsoft.Extensions.Logging;

namespace Warning.Channels.BroadcastPlatform;

// EventIds 2380–2399: the broadcast platform's share of the Broadcast range (23xx).
internal static partial class Log
{
    [LoggerMessage(EventId = 2380, Level = LogLevel.Debug, Message = "Broadcast platform accepted EBD {EbdId} (EBM {EbmId}) with result code {ResultCode}")]
    public static partial void PlatformAccepted(this ILogger logger, string ebdId, string ebmId, int resultCode);

    [LoggerMessage(EventId = 2381, Level = LogLevel.Warning, Message = "Broadcast platform refused EBD {EbdId} (EBM {EbmId}): result code {ResultCode}, {ResultDesc}")]
    public static partial void PlatformRefused(this ILogger logger, string ebdId, string ebmId, int resultCode, string? resultDesc);

    [LoggerMessage(EventId = 2382, Level = LogLevel.Warning, Message = "Broadcast platform gave no usable answer for EBD {EbdId}: {Problem}")]
    public static partial void PlatformNoAnswer(this ILogger logger, string ebdId, string problem);
}
