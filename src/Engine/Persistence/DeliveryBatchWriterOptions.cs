namespace Warning.Engine.Persistence;

public sealed class DeliveryBatchWriterOptions
{
    public const string SectionName = "Warning:Audit:Writer";

    /// <summary>Batches that may wait for the store before producers are made to wait. Default: 16.</summary>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>Waiting batches are merged into one transaction up to this many rows. Default: 50,000.</summary>
    public int MaxRowsPerTransaction { get; set; } = 50_000;

    /// <summary>
    /// Transactions written at once, each on its own connection. A server database (PostgreSQL, SQL Server)
    /// maintains indexes on one core per connection, so 2 uses both cores of a small machine; SQLite has one
    /// writer at a time and gains nothing above 1. Batches may then commit out of order. Default: 1.
    /// </summary>
    public int ConcurrentTransactions { get; set; } = 1;
}
