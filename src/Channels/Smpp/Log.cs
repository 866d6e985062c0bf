using Microsoft.Extensions.Logging;

namespace Warning.Channels.Smpp;

/// <summary>SMS over SMPP: event ids 2100–2149 (house-style §6). Phone numbers and texts only at Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(2100, LogLevel.Information, "SMPP bound to {Host}:{Port} as {SystemId}")]
    public static partial void Bound(ILogger logger, string host, int port, string systemId);

    [LoggerMessage(2101, LogLevel.Warning, "SMPP bind to {Host}:{Port} failed: {Reason}")]
    public static partial void BindFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(2102, LogLevel.Warning, "SMPP session to {Host}:{Port} closed: {Reason}")]
    public static partial void SessionClosed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(2103, LogLevel.Information, "SMPP binds to {Host}:{Port} again in {DelayMs:0} ms")]
    public static partial void Reconnecting(ILogger logger, string host, int port, double delayMs);

    [LoggerMessage(2104, LogLevel.Debug, "SMPP {Command} with sequence {Sequence} came after its request gave up")]
    public static partial void LateResponse(ILogger logger, string command, uint sequence);

    [LoggerMessage(2105, LogLevel.Warning, "SMPP delivery receipt without id or stat ignored: {Text}")]
    public static partial void ReceiptUnreadable(ILogger logger, string text);

    [LoggerMessage(2106, LogLevel.Error, "SMPP receipt or reply could not be recorded; the SMSC is asked to deliver it again")]
    public static partial void SinkFailed(ILogger logger, Exception exception);

    [LoggerMessage(2107, LogLevel.Debug, "SMPP reply from {From} to {To}: {Text}")]
    public static partial void Inbound(ILogger logger, string from, string to, string text);
}
