using System.Data.Common;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Warning.Engine.Persistence;

/// <summary>
/// PostgreSQL through Npgsql. Bulk path: binary COPY straight into deliveries; when a key already exists the
/// batch is copied into a temporary stage and merged with INSERT … ON CONFLICT under the forward-only rule.
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

    private protected override string MatchReceiptsSql => DeliverySql.MatchReceiptsUpdateFrom;

    private protected override string LockActionLogSql => "SELECT pg_advisory_xact_lock(7431002)";

    private protected override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);

    private protected override string SaveSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns, bool update) =>
        OnConflictSql.Save(table, keys, columns, update);

    private protected override async Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        try
        {
            await CopyDeliveriesAsync((NpgsqlConnection)connection, "deliveries", deliveries, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    private protected override async Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(Command(
            $"CREATE TEMPORARY TABLE IF NOT EXISTS {Stage} (LIKE deliveries) ON COMMIT DELETE ROWS",
            null, transaction, cancellationToken)).ConfigureAwait(false);
        await CopyDeliveriesAsync((NpgsqlConnection)connection, Stage, deliveries, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(
            $"INSERT INTO deliveries ({DeliverySql.Columns}) {DeliverySql.CollapsedStage(Stage)}" +
            DeliverySql.OnConflictMoveForward, null, transaction, cancellationToken)).ConfigureAwait(false);
    }

    private protected override async Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken)
    {
        var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            "COPY provider_receipts (channel, provider_message_id, state, received_at_ms, raw) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var r in receipts)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.Channel, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.ProviderMessageId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync((int)r.State, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(r.ReceivedAt.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await WriteAsync(importer, r.Raw, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyDeliveriesAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({DeliverySql.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            // Synchronous writes: eleven awaits per row cost more CPU than the occasional blocking flush of
            // Npgsql's buffer, and on two cores the client competes with the server for CPU.
            for (var i = 0; i < deliveries.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var d = deliveries[i];
                importer.StartRow();
                importer.Write(d.VersionId, NpgsqlDbType.Text);
                importer.Write(d.RecipientId, NpgsqlDbType.Text);
                importer.Write(d.Channel, NpgsqlDbType.Text);
                Write(importer, d.AreaCode);
                importer.Write((int)d.State, NpgsqlDbType.Integer);
                Write(importer, d.ProviderMessageId);
                importer.Write(d.AtMs, NpgsqlDbType.Bigint);
                Write(importer, d.ClaimedAtMs);
                Write(importer, d.SubmittedAtMs);
                Write(importer, d.CompletedAtMs);
                Write(importer, d.Detail);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Write(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Write(NpgsqlBinaryImporter importer, long? value)
    {
        if (value is { } v)
        {
            importer.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
