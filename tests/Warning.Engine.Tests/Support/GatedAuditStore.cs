using Warning.Engine.Persistence;

namespace Warning.Engine.Tests.Support;

/// <summary>Records delivery batches, each write waiting until the gate opens; every other call is unused here.</summary>
internal sealed class GatedAuditStore : IAuditStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<IReadOnlyList<DeliveryRecord>> Written { get; } = [];

    public int WritesStarted;

    /// <summary>When set, every delivery write fails with it (after the gate opens).</summary>
    public Exception? FailWith { get; set; }

    public void Open() => _gate.TrySetResult();

    public async Task RecordDeliveriesAsync(IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref WritesStarted);
        await _gate.Task.WaitAsync(cancellationToken);
        if (FailWith is not null)
        {
            throw FailWith;
        }

        lock (Written)
        {
            Written.Add([.. deliveries]);
        }
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RegisterRecipientsAsync(IReadOnlyList<string> recipientIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task SaveThreadAsync(WarningThreadRecord thread, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SaveVersionAsync(WarningVersionRecord version, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> GetOriginalXmlAsync(string versionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SaveAreaAsync(AreaRecord area, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SavePersonAsync(PersonRecord person, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SaveDeviceAsync(DeviceRecord device, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RecordReceiptsAsync(IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RecordAttemptsAsync(IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(string versionId, string recipientId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task MatchPendingReceiptsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RecordAcknowledgementAsync(string versionId, string personId, string channel, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ActionLogEntry> AppendActionAsync(
        string actor, string action, string target, string? details, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<long?> VerifyActionLogAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ActionLogEntry>> GetActionLogAsync(long afterId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeliveryCounts>> GetDeliveryCountsAsync(
        string versionId, AuditGrouping grouping, AuditFilter filter, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeliveryCurvePoint>> GetDeliveryCurveAsync(
        string versionId, TimeSpan bucket, AuditFilter filter, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeliveryView>> GetRecipientDeliveriesAsync(
        string recipientId, AuditFilter filter, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<DeliveryView> StreamDeliveriesAsync(string? versionId, AuditFilter filter, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<int> PurgeExpiredReceiptsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
