using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Warning.Engine.Persistence;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. synchronous=FULL makes every commit durable across a
/// power cut, which costs one fsync per batch, not per row. Bulk path (<see cref="SqliteBulk"/>): one
/// prepared statement reused for the whole batch inside one transaction (SQLite has no faster loader).
/// </summary>
public sealed class SqliteAuditStore(string connectionString, AuditStoreOptions? options = null, TimeProvider? timeProvider = null)
    : AuditStore(options, timeProvider)
{
    private protected override string Dialect => "Sqlite";

    private protected override string TextType => "TEXT";

    private protected override string MigrationPreambleSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)";

    private protected override string FoldOldReceiptsSql => DeliverySql.FoldOldReceiptsUpdateFrom;

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

    // SQLite joins in the order of CROSS JOIN: the person, then each version, then one primary-key probe each.
    private protected override string RecipientDeliveriesFrom =>
        "delivery_recipients r CROSS JOIN delivery_versions v CROSS JOIN delivery_view d " +
        "WHERE d.version_key = v.version_key AND d.recipient_key = r.recipient_key AND r.recipient_id = @RecipientId";

    private protected override async Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken)
    {
        // The upsert costs nothing extra on a fresh key, so SQLite needs no separate fallback.
        await UpsertDeliveriesAsync(connection, transaction, deliveries, keys, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private protected override Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken)
    {
        // SQLite has no asynchronous I/O (Microsoft.Data.Sqlite's async methods run synchronously anyway).
        SqliteBulk.UpsertDeliveries((SqliteConnection)connection, deliveries, keys, cancellationToken);
        return Task.CompletedTask;
    }

    private protected override Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, short[] channelKeys,
        CancellationToken cancellationToken)
    {
        SqliteBulk.InsertReceipts((SqliteConnection)connection, receipts, channelKeys, cancellationToken);
        return Task.CompletedTask;
    }

    private protected override async Task<IReadOnlyList<(string Id, int Key)>> RegisterAsync(
        DbConnection connection, DeliveryRegistry registry, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var pairs = SqliteBulk.Register((SqliteConnection)connection, registry, ids, cancellationToken);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return pairs;
        }
    }
}
