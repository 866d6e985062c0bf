using System.Data.Common;
using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    /// <summary>Applies unmatched receipts to their deliveries (forward only) and marks them matched (@Now).</summary>
    private protected abstract string MatchReceiptsSql { get; }

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
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await TryBulkInsertDeliveriesAsync(connection, transaction, deliveries, cancellationToken).ConfigureAwait(false))
                {
                    // A key already exists (a shard re-run after a crash, or one delivery twice in a batch):
                    // the fast path cannot merge, so redo the batch as a forward-only upsert.
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await UpsertDeliveriesAsync(connection, transaction, deliveries, cancellationToken).ConfigureAwait(false);
                }

                await MatchReceiptsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
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
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await InsertReceiptsAsync(connection, transaction, receipts, cancellationToken).ConfigureAwait(false);
                await MatchReceiptsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task MatchPendingReceiptsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await MatchReceiptsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The fastest path; returns false, leaving the transaction to be rolled back, on a key conflict.</summary>
    private protected abstract Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken);

    /// <summary>Inserts new deliveries and moves existing ones forward only (state-rank guard in SQL).</summary>
    private protected abstract Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken);

    private protected abstract Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken);

    private Task<int> MatchReceiptsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(MatchReceiptsSql, new { Now = NowMs }, transaction, cancellationToken));
}
