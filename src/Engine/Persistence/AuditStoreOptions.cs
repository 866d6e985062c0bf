namespace Warning.Engine.Persistence;

public sealed class AuditStoreOptions
{
    public const string SectionName = "Warning:Audit";

    /// <summary>How long provider receipts are kept; null keeps them for ever. Default: null.</summary>
    public TimeSpan? ReceiptRetention { get; set; }
}
