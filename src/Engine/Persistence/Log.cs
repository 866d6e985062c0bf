using Microsoft.Extensions.Logging;

namespace Warning.Engine.Persistence;

internal static partial class Log
{
    [LoggerMessage(1101, LogLevel.Error, "Audit store write of {Rows} deliveries failed; the batch writer stops")]
    public static partial void DeliveryWriteFailed(ILogger logger, int rows, Exception exception);

    [LoggerMessage(1102, LogLevel.Information, "Delivery batch writer stopped after {Batches} batches, {Rows} rows")]
    public static partial void WriterStopped(ILogger logger, long batches, long rows);
}
