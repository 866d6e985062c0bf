using System.Buffers;
using System.Data.Common;
using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    /// <summary>Tries of one delivery batch that lost a deadlock to a concurrent writer.</summary>
    private const int DeadlockTries = 3;

    public async Task RecordDeliveriesAsync(IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var keys = await ResolveKeysAsync(connection, deliveries, cancellationToken).ConfigureAwait(false);
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await WriteDeliveriesAsync(connection, deliveries, keys, alone: attempt > 1, cancellationToken).ConfigureAwait(false);
                        return;
                    }
                    catch (DbException e) when (attempt < DeadlockTries && IsDeadlock(e))
                    {
                        // Two writers met overlapping keys in different orders and the database rolled this one
                        // back. Run again alone (see WriteAloneSql): in parallel the same race would recur.
                    }
                }
            }
            finally
            {
                ArrayPool<DeliveryKeys>.Shared.Return(keys);
            }
        }
    }

    public async Task RecordReceiptsAsync(IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        foreach (var receipt in receipts)
        {
            if (receipt.State < DeliveryState.Delivered)
            {
                throw new ArgumentException($"A receipt carries a final state, not {receipt.State}.", nameof(receipts));
            }
        }

        if (receipts.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var channels = new short[receipts.Count];
            for (var i = 0; i < receipts.Count; i++)
            {
                channels[i] = (short)await ResolveKeyAsync(connection, DeliveryRegistry.Channels, receipts[i].Channel, cancellationToken)
                    .ConfigureAwait(false);
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await InsertReceiptsAsync(connection, transaction, receipts, channels, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Nothing waits: a receipt applies to its delivery whenever deliveries are read (delivery_view).</summary>
    public Task MatchPendingReceiptsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when the database rolled the transaction back to break a deadlock.</summary>
    private protected virtual bool IsDeadlock(DbException exception) => false;

    /// <summary>
    /// Makes a delivery transaction wait for the other writers and keeps new ones out until it commits: used
    /// only to retry a batch that lost a deadlock. Empty where writers never run in parallel (SQLite).
    /// </summary>
    private protected virtual string WriteAloneSql => "";

    /// <summary>The fastest path; returns false, leaving the transaction to be rolled back, on a key conflict.</summary>
    private protected abstract Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken);

    /// <summary>Inserts new deliveries and moves existing ones forward only (state-rank guard in SQL).</summary>
    private protected abstract Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken);

    private protected abstract Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, short[] channelKeys,
        CancellationToken cancellationToken);

    private async Task WriteDeliveriesAsync(
        DbConnection connection, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys, bool alone, CancellationToken cancellationToken)
    {
        var transaction = await BeginWriteAsync(connection, alone, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await TryBulkInsertDeliveriesAsync(connection, transaction, deliveries, keys, cancellationToken).ConfigureAwait(false))
            {
                // A key already exists (a shard re-run after a crash, or one delivery twice in a batch):
                // the fast path cannot merge, so redo the batch as a forward-only upsert.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                await transaction.DisposeAsync().ConfigureAwait(false);
                transaction = await BeginWriteAsync(connection, alone, cancellationToken).ConfigureAwait(false);
                await UpsertDeliveriesAsync(connection, transaction, deliveries, keys, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<DbTransaction> BeginWriteAsync(DbConnection connection, bool alone, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (alone && WriteAloneSql.Length > 0)
        {
            await connection.ExecuteAsync(Command(WriteAloneSql, null, transaction, cancellationToken)).ConfigureAwait(false);
        }

        return transaction;
    }
}
