using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Warning.Engine.Persistence;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. synchronous=FULL makes every commit durable across a
/// power cut, which costs one fsync per batch, not per row. Bulk path: one prepared statement reused for
/// the whole batch inside one transaction (SQLite has no faster loader).
/// </summary>
public sealed class SqliteAuditStore(string connectionString, AuditStoreOptions? options = null, TimeProvider? timeProvider = null)
    : AuditStore(options, timeProvider)
{
    private protected override string Dialect => "Sqlite";

    private protected override string TextType => "TEXT";

    private protected override string MigrationPreambleSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)";

    private protected override string MatchReceiptsSql => DeliverySql.MatchReceiptsUpdateFrom;

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already makes the appender the only writer.
    private protected override string LockActionLogSql => "";

    private protected override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await base.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;")
            .ConfigureAwait(false);
        return connection;
    }

    private protected override Task BeforeMigrateAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command("PRAGMA journal_mode = WAL;", null, null, cancellationToken));

    private protected override string SaveSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns, bool update) =>
        OnConflictSql.Save(table, keys, columns, update);

    private protected override async Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        // The upsert costs nothing extra on a fresh key, so SQLite needs no separate fallback.
        await UpsertDeliveriesAsync(connection, transaction, deliveries, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private protected override Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        using var command = Prepare(connection, transaction,
            $"INSERT INTO deliveries ({DeliverySql.Columns}) VALUES ({DeliverySql.ValueParameters}){DeliverySql.OnConflictMoveForward}",
            "VersionId", "RecipientId", "Channel", "AreaCode", "State", "ProviderMessageId",
            "CreatedAtMs", "ClaimedAtMs", "SubmittedAtMs", "CompletedAtMs", "Detail");
        var p = command.Parameters;
        for (var i = 0; i < deliveries.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var d = deliveries[i];
            p[0].Value = d.VersionId;
            p[1].Value = d.RecipientId;
            p[2].Value = d.Channel;
            p[3].Value = (object?)d.AreaCode ?? DBNull.Value;
            p[4].Value = (int)d.State;
            p[5].Value = (object?)d.ProviderMessageId ?? DBNull.Value;
            p[6].Value = d.AtMs;
            p[7].Value = (object?)d.ClaimedAtMs ?? DBNull.Value;
            p[8].Value = (object?)d.SubmittedAtMs ?? DBNull.Value;
            p[9].Value = (object?)d.CompletedAtMs ?? DBNull.Value;
            p[10].Value = (object?)d.Detail ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    private protected override Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken)
    {
        using var command = Prepare(connection, transaction,
            "INSERT INTO provider_receipts (channel, provider_message_id, state, received_at_ms, raw) " +
            "VALUES (@Channel, @ProviderMessageId, @State, @ReceivedAtMs, @Raw)",
            "Channel", "ProviderMessageId", "State", "ReceivedAtMs", "Raw");
        var p = command.Parameters;
        foreach (var r in receipts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            p[0].Value = r.Channel;
            p[1].Value = r.ProviderMessageId;
            p[2].Value = (int)r.State;
            p[3].Value = r.ReceivedAt.ToUnixTimeMilliseconds();
            p[4].Value = (object?)r.Raw ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    // SQLite has no asynchronous I/O: Microsoft.Data.Sqlite's async methods run synchronously anyway, so the
    // bulk loops call the synchronous API and skip a Task per row.
    private static SqliteCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = ((SqliteConnection)connection).CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter("@" + name, null));
        }

        command.Prepare();
        return command;
    }
}
