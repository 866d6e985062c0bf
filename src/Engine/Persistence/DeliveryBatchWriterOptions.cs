namespace Warning.Engine.Persistence;

public sealed class DeliveryBatchWriterOptions
{
    public const string SectionName = "Warning:Audit:Writer";

    /// <summary>Batches that may wait for the store before producers are made to wait. Default: 16.</summary>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>Waiting batches are merged into one transaction up to this many rows. Default: 50,000.</summary>
    public int MaxRowsPerTransaction { get; set; } = 50_000;
}
