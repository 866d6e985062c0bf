using Microsoft.Extensions.Logging;

namespace Warning.Channels.Mqtt;

/// <summary>The MQTT gateway shared by the LED (22xx) and broadcast (23xx) channels logs in 2290–2299.</summary>
internal static partial class Log
{
    [LoggerMessage(2290, LogLevel.Information, "MQTT gateway connected to {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(2291, LogLevel.Warning, "MQTT gateway cannot connect to {Host}:{Port}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(2292, LogLevel.Warning, "MQTT gateway lost the broker: {Reason}; reconnecting in the background")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(2293, LogLevel.Warning, "Unreadable device acknowledgement on {Topic}; ignored")]
    public static partial void AckUnreadable(ILogger logger, string topic);

    [LoggerMessage(2294, LogLevel.Error, "Device acknowledgement on {Topic} could not be recorded")]
    public static partial void ReceiptNotRecorded(ILogger logger, Exception exception, string topic);
}
