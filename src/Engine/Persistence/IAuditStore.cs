namespace Warning.Engine.Persistence;

/// <summary>
/// The audit and directory store: who was warned of what, when, over which channel, and who did what to
/// each warning. One contract, three dialects (SQLite embedded, PostgreSQL, SQL Server).
/// </summary>
public interface IAuditStore
{
    /// <summary>Creates or upgrades the schema; safe to run on every start and from several nodes.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task SaveThreadAsync(WarningThreadRecord thread, CancellationToken cancellationToken);

    /// <summary>Stores a published version once, with its original XML verbatim; a second save changes nothing.</summary>
    Task SaveVersionAsync(WarningVersionRecord version, CancellationToken cancellationToken);

    /// <summary>The CAP XML of a stored version exactly as it was released, or null.</summary>
    Task<string?> GetOriginalXmlAsync(string versionId, CancellationToken cancellationToken);

    Task SaveAreaAsync(AreaRecord area, CancellationToken cancellationToken);

    Task SavePersonAsync(PersonRecord person, CancellationToken cancellationToken);

    Task SaveDeviceAsync(DeviceRecord device, CancellationToken cancellationToken);

    /// <summary>
    /// Registers person and device ids in bulk (a directory import), so that their first deliveries need no
    /// registration of their own. Optional: a delivery for an id never registered registers it itself.
    /// </summary>
    Task RegisterRecipientsAsync(IReadOnlyList<string> recipientIds, CancellationToken cancellationToken);

    /// <summary>Creates or moves forward a batch of deliveries in one transaction, with the provider's fastest path.</summary>
    Task RecordDeliveriesAsync(IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Stores receipts (final states only). Each applies to its delivery (same channel and provider message id)
    /// whenever deliveries are read, so it may arrive before or after the submit is recorded.
    /// </summary>
    Task RecordReceiptsAsync(IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken);

    /// <summary>Records provider calls; an attempt already recorded (same number) is left as it was.</summary>
    Task RecordAttemptsAsync(IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(string versionId, string recipientId, CancellationToken cancellationToken);

    /// <summary>
    /// Kept for callers of the earlier contract: receipts now apply when deliveries are read, so nothing is ever
    /// pending and this does nothing.
    /// </summary>
    Task MatchPendingReceiptsAsync(CancellationToken cancellationToken);

    Task RecordAcknowledgementAsync(string versionId, string personId, string channel, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ActionLogEntry> AppendActionAsync(
        string actor, string action, string target, string? details, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Recomputes the hash chain; returns the id of the first row that does not fit, or null.</summary>
    Task<long?> VerifyActionLogAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ActionLogEntry>> GetActionLogAsync(long afterId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryCounts>> GetDeliveryCountsAsync(
        string versionId, AuditGrouping grouping, AuditFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryCurvePoint>> GetDeliveryCurveAsync(
        string versionId, TimeSpan bucket, AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>What one person or device received, oldest first.</summary>
    Task<IReadOnlyList<DeliveryView>> GetRecipientDeliveriesAsync(
        string recipientId, AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>Streams a version's deliveries (or all, when null) without buffering them.</summary>
    IAsyncEnumerable<DeliveryView> StreamDeliveriesAsync(string? versionId, AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes receipts older than <see cref="AuditStoreOptions.ReceiptRetention"/>, first writing the state they
    /// gave their deliveries into the delivery rows; never the action log.
    /// </summary>
    Task<int> PurgeExpiredReceiptsAsync(CancellationToken cancellationToken);
}
