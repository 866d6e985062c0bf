using System.Data.Common;
using Dapper;
using Npgsql;

namespace Warning.Engine.Persistence;

/// <summary>
/// PostgreSQL through Npgsql. Bulk path: binary COPY straight into deliveries; when a key already exists the
/// batch is copied into a temporary stage and merged with INSERT … ON CONFLICT under the forward-only rule.
/// Several writers may run at once (<see cref="DeliveryBatchWriterOptions.ConcurrentTransactions"/>), each
/// COPY on its own connection and core.
/// </summary>
public sealed class PostgreSqlAuditStore(string connectionString, AuditStoreOptions? options = null, TimeProvider? timeProvider = null)
    : AuditStore(options, timeProvider)
{
    private const string Stage = "deliveries_stage";

    private protected override string Dialect => "PostgreSql";

    private protected override string TextType => "TEXT";

    // The advisory lock keeps two nodes starting together from applying the same script twice.
    private protected override string MigrationPreambleSql =>
        "SELECT pg_advisory_xact_lock(7431001); " +
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL);";

    private protected override string FoldOldReceiptsSql => DeliverySql.FoldOldReceiptsUpdateFrom;

    private protected override string LockActionLogSql => "SELECT pg_advisory_xact_lock(7431002)";

    // LATERAL … OFFSET 0 keeps the planner from flattening the probe into a scan of every delivery: one
    // primary-key look-up per version for the one person.
    private protected override string RecipientDeliveriesFrom =>
        "delivery_recipients r CROSS JOIN delivery_versions v CROSS JOIN LATERAL (SELECT * FROM delivery_view x " +
        "WHERE x.version_key = v.version_key AND x.recipient_key = r.recipient_key OFFSET 0) d WHERE r.recipient_id = @RecipientId";

    private protected override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);

    private protected override string SaveSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns, bool update) =>
        OnConflictSql.Save(table, keys, columns, update);

    private protected override bool IsDeadlock(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected };

    // SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE lock every inserting transaction holds, and with itself.
    private protected override string WriteAloneSql => "LOCK TABLE deliveries IN SHARE ROW EXCLUSIVE MODE";

    private protected override async Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken)
    {
        try
        {
            await CopyDeliveriesAsync((NpgsqlConnection)connection, "deliveries", deliveries, keys, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    private protected override async Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(Command(
            $"CREATE TEMPORARY TABLE IF NOT EXISTS {Stage} (LIKE deliveries) ON COMMIT DELETE ROWS",
            null, transaction, cancellationToken)).ConfigureAwait(false);
        await CopyDeliveriesAsync((NpgsqlConnection)connection, Stage, deliveries, keys, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(
            $"INSERT INTO deliveries ({DeliverySql.Columns}) {DeliverySql.CollapsedStage(Stage)} ORDER BY {DeliverySql.Keys}" +
            DeliverySql.OnConflictMoveForward, null, transaction, cancellationToken)).ConfigureAwait(false);
    }

    private protected override async Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, short[] channelKeys,
        CancellationToken cancellationToken)
    {
        var copy = await ((NpgsqlConnection)connection).BeginRawBinaryCopyAsync(
            "COPY provider_receipts (channel_key, provider_message_id, state, received_at_ms, raw) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            using var rows = new PostgreSqlCopyRows(copy);
            for (var i = 0; i < receipts.Count; i++)
            {
                var r = receipts[i];
                rows.StartRow(5);
                rows.Int16(channelKeys[i]);
                rows.Text(r.ProviderMessageId);
                rows.Int16((short)r.State);
                rows.Int64(r.ReceivedAt.ToUnixTimeMilliseconds());
                rows.Text(r.Raw);
            }

            rows.Finish();
        }

        // The first receipt of each message, one statement for the batch (earliest received first within it).
        await connection.ExecuteAsync(Command(
            "INSERT INTO first_receipts (channel_key, provider_message_id, state, received_at_ms) " +
            "SELECT DISTINCT ON (c, m) c, m, s, t FROM unnest(@Channels, @Messages, @States, @Times) WITH ORDINALITY AS u (c, m, s, t, n) " +
            "ORDER BY c, m, t, n" + DeliverySql.OnConflictKeepFirstReceipt,
            new
            {
                Channels = channelKeys[..receipts.Count],
                Messages = receipts.Select(r => r.ProviderMessageId).ToArray(),
                States = receipts.Select(r => (short)r.State).ToArray(),
                Times = receipts.Select(r => r.ReceivedAt.ToUnixTimeMilliseconds()).ToArray(),
            }, transaction, cancellationToken)).ConfigureAwait(false);
    }

    private protected override async Task<IReadOnlyList<(string Id, int Key)>> RegisterAsync(
        DbConnection connection, DeliveryRegistry registry, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        // Read the keys that exist, then insert the rest in the order given (so keys follow it). A plain INSERT
        // costs about half of INSERT … ON CONFLICT here; when another node registers one of the ids in between,
        // the unique index refuses the INSERT and the loop reads that key on its next turn.
        var pairs = new List<(string Id, int Key)>(ids.Count);
        var wanted = ids.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var found = await connection.QueryAsync<RegistryRow>(Command(
                $"SELECT {registry.IdColumn} AS Id, CAST({registry.KeyColumn} AS INTEGER) AS KeyValue FROM {registry.Table} " +
                $"WHERE {registry.IdColumn} = ANY (@Ids)", new { Ids = wanted }, null, cancellationToken)).ConfigureAwait(false);
            pairs.AddRange(found.Select(r => (r.Id, r.KeyValue)));
            var known = found.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            wanted = [.. wanted.Where(id => !known.Contains(id))];
            if (wanted.Length == 0)
            {
                return pairs;
            }

            try
            {
                var inserted = await connection.QueryAsync<RegistryRow>(Command(
                    $"INSERT INTO {registry.Table} ({registry.IdColumn}) SELECT id FROM unnest(@Ids) WITH ORDINALITY AS u (id, n) " +
                    $"ORDER BY n RETURNING {registry.IdColumn} AS Id, CAST({registry.KeyColumn} AS INTEGER) AS KeyValue",
                    new { Ids = wanted }, null, cancellationToken)).ConfigureAwait(false);
                pairs.AddRange(inserted.Select(r => (r.Id, r.KeyValue)));
                return pairs;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 5)
            {
            }
        }
    }

    private static async Task CopyDeliveriesAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken)
    {
        var copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY {table} ({DeliverySql.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            try
            {
                // Synchronous writes into a buffer, flushed every 64 KiB: the CPU of the client competes with
                // the server's on two cores.
                using var rows = new PostgreSqlCopyRows(copy);
                for (var i = 0; i < deliveries.Count; i++)
                {
                    if ((i & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var d = deliveries[i];
                    var k = keys[i];
                    rows.StartRow(11);
                    rows.Int32(k.Version);
                    rows.Int32(k.Recipient);
                    rows.Int16(k.Channel);
                    rows.Int16((short)d.State);
                    rows.Int64(d.AtMs);
                    rows.Int64(d.ClaimedAtMs);
                    rows.Int64(d.SubmittedAtMs);
                    rows.Int64(d.CompletedAtMs);
                    rows.Text(d.AreaCode);
                    rows.Text(d.ProviderMessageId);
                    rows.Text(d.Detail);
                }

                rows.Finish();
            }
            catch (OperationCanceledException)
            {
                await copy.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }
}
