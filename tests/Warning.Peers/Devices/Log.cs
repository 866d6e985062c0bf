namespace Warning.Peers.Devices;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Device simulator on {Host}:{Port}, listening to {Filter}")]
    public static partial void Listening(ILogger logger, string host, int port, string filter);

    [LoggerMessage(2, LogLevel.Warning, "Device simulator cannot reach the broker at {Host}:{Port}: {Reason}; trying again")]
    public static partial void Unreachable(ILogger logger, string host, int port, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Broker at {Host}:{Port} refused the device simulator: {Code}")]
    public static partial void Refused(ILogger logger, string host, int port, string code);

    [LoggerMessage(4, LogLevel.Warning, "Unreadable command on {Topic}; a device would ignore it too")]
    public static partial void Unreadable(ILogger logger, string topic);

    [LoggerMessage(5, LogLevel.Warning, "Acknowledgement on {Topic} not published: {Reason}")]
    public static partial void AckLost(ILogger logger, string topic, string reason);
}
