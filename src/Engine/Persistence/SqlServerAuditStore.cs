using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Warning.Engine.Persistence;

/// <summary>
/// SQL Server through Microsoft.Data.SqlClient (the production choice of some sites). Bulk path: SqlBulkCopy
/// into deliveries; when a key already exists the batch goes through a #temp stage and a forward-only MERGE.
/// </summary>
public sealed class SqlServerAuditStore(string connectionString, AuditStoreOptions? options = null, TimeProvider? timeProvider = null)
    : AuditStore(options, timeProvider)
{
    private const string Stage = "#deliveries_stage";
    private const string RegistryStage = "#registry_stage";
    private const string ReceiptStage = "#receipt_stage";

    private protected override string Dialect => "SqlServer";

    private protected override string TextType => "NVARCHAR(12)";

    private protected override string MigrationPreambleSql =>
        "EXEC sp_getapplock @Resource = 'warning_migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction'; " +
        "IF OBJECT_ID('schema_version') IS NULL " +
        "CREATE TABLE schema_version (version BIGINT PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at_ms BIGINT NOT NULL);";

    private protected override string FoldOldReceiptsSql =>
        "UPDATE d SET d.state = x.state, d.completed_at_ms = x.completed_at_ms FROM deliveries d JOIN delivery_view x ON " +
        DeliverySql.ChangedByOldReceipts;

    // CROSS APPLY: one primary-key look-up per version for the one person.
    private protected override string RecipientDeliveriesFrom =>
        "delivery_recipients r CROSS JOIN delivery_versions v CROSS APPLY (SELECT x.* FROM delivery_view x " +
        "WHERE x.version_key = v.version_key AND x.recipient_key = r.recipient_key) d WHERE r.recipient_id = @RecipientId";

    private protected override string LockActionLogSql =>
        "EXEC sp_getapplock @Resource = 'warning_action_log', @LockMode = 'Exclusive', @LockOwner = 'Transaction'";

    private protected override DbConnection CreateConnection() => new SqlConnection(connectionString);

    private protected override string SaveSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns, bool update)
    {
        var source = string.Join(", ", columns.Select(c => $"@{c} AS {c}"));
        var on = string.Join(" AND ", keys.Select(k => $"t.{k} = s.{k}"));
        var set = string.Join(", ", columns.Where(c => !keys.Contains(c)).Select(c => $"{c} = s.{c}"));
        return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT {source}) AS s ON {on} " +
            (update && set.Length > 0 ? $"WHEN MATCHED THEN UPDATE SET {set} " : "") +
            $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "s." + c))});";
    }

    private protected override bool IsDeadlock(DbException exception) => exception is SqlException { Number: 1205 };

    // An exclusive table lock held to the end of the transaction waits for every other writer of deliveries.
    private protected override string WriteAloneSql => "SELECT COUNT(*) FROM deliveries WITH (TABLOCKX, HOLDLOCK) WHERE 1 = 0";

    private protected override async Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken)
    {
        try
        {
            await CopyAsync(connection, transaction, "deliveries", SqlServerBulkTables.Deliveries(deliveries, keys), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (SqlException e) when (e.Number is 2627 or 2601)
        {
            return false;
        }
    }

    private protected override async Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(Command(
            $"IF OBJECT_ID('tempdb..{Stage}') IS NULL SELECT TOP 0 * INTO {Stage} FROM deliveries; TRUNCATE TABLE {Stage};",
            null, transaction, cancellationToken)).ConfigureAwait(false);
        await CopyAsync(connection, transaction, Stage, SqlServerBulkTables.Deliveries(deliveries, keys), cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(
            $"MERGE deliveries WITH (HOLDLOCK) AS d USING ({DeliverySql.CollapsedStage(Stage)}) AS s " +
            "ON d.version_key = s.version_key AND d.recipient_key = s.recipient_key AND d.channel_key = s.channel_key " +
            "WHEN MATCHED AND d.state < 3 AND s.state > d.state THEN UPDATE SET state = s.state, " +
            "area_code = COALESCE(s.area_code, d.area_code), provider_message_id = COALESCE(s.provider_message_id, d.provider_message_id), " +
            "claimed_at_ms = COALESCE(d.claimed_at_ms, s.claimed_at_ms), submitted_at_ms = COALESCE(d.submitted_at_ms, s.submitted_at_ms), " +
            "completed_at_ms = COALESCE(d.completed_at_ms, s.completed_at_ms), detail = COALESCE(s.detail, d.detail) " +
            $"WHEN NOT MATCHED THEN INSERT ({DeliverySql.Columns}) VALUES (s.version_key, s.recipient_key, s.channel_key, s.state, " +
            "s.created_at_ms, s.claimed_at_ms, s.submitted_at_ms, s.completed_at_ms, s.area_code, s.provider_message_id, s.detail);",
            null, transaction, cancellationToken)).ConfigureAwait(false);
    }

    private protected override async Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, short[] channelKeys,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(Command(
            $"IF OBJECT_ID('tempdb..{ReceiptStage}') IS NULL CREATE TABLE {ReceiptStage} (channel_key SMALLINT NOT NULL, " +
            "provider_message_id NVARCHAR(100) NOT NULL, state SMALLINT NOT NULL, received_at_ms BIGINT NOT NULL, raw NVARCHAR(MAX), n INT NOT NULL); " +
            $"TRUNCATE TABLE {ReceiptStage};", null, transaction, cancellationToken)).ConfigureAwait(false);
        await CopyAsync(connection, transaction, ReceiptStage, SqlServerBulkTables.Receipts(receipts, channelKeys), cancellationToken).ConfigureAwait(false);
        // Every receipt as sent, then the first receipt of each message (earliest received, first given on a tie).
        await connection.ExecuteAsync(Command(
            "INSERT INTO provider_receipts (channel_key, provider_message_id, state, received_at_ms, raw) " +
            $"SELECT channel_key, provider_message_id, state, received_at_ms, raw FROM {ReceiptStage} ORDER BY n; " +
            "MERGE first_receipts WITH (HOLDLOCK) AS t USING (SELECT channel_key, provider_message_id, state, received_at_ms FROM (" +
            "SELECT *, ROW_NUMBER() OVER (PARTITION BY channel_key, provider_message_id ORDER BY received_at_ms, n) AS k " +
            $"FROM {ReceiptStage}) f WHERE k = 1) AS s " +
            "ON t.channel_key = s.channel_key AND t.provider_message_id = s.provider_message_id " +
            "WHEN MATCHED AND s.received_at_ms < t.received_at_ms THEN UPDATE SET state = s.state, received_at_ms = s.received_at_ms " +
            "WHEN NOT MATCHED THEN INSERT (channel_key, provider_message_id, state, received_at_ms) " +
            "VALUES (s.channel_key, s.provider_message_id, s.state, s.received_at_ms);",
            null, transaction, cancellationToken)).ConfigureAwait(false);
    }

    private protected override async Task<IReadOnlyList<(string Id, int Key)>> RegisterAsync(
        DbConnection connection, DeliveryRegistry registry, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(Command(
                $"IF OBJECT_ID('tempdb..{RegistryStage}') IS NULL CREATE TABLE {RegistryStage} (id NVARCHAR(200) NOT NULL, n INT NOT NULL); " +
                $"TRUNCATE TABLE {RegistryStage};", null, transaction, cancellationToken)).ConfigureAwait(false);
            await CopyAsync(connection, transaction, RegistryStage, SqlServerBulkTables.Ids(ids), cancellationToken).ConfigureAwait(false);
            // UPDLOCK, HOLDLOCK: two nodes registering one id at once wait for each other instead of both inserting.
            var rows = await connection.QueryAsync<RegistryRow>(Command(
                $"INSERT INTO {registry.Table} ({registry.IdColumn}) SELECT s.id FROM {RegistryStage} s WHERE NOT EXISTS (" +
                $"SELECT 1 FROM {registry.Table} t WITH (UPDLOCK, HOLDLOCK) WHERE t.{registry.IdColumn} = s.id) ORDER BY s.n; " +
                $"SELECT t.{registry.IdColumn} AS Id, CAST(t.{registry.KeyColumn} AS INT) AS KeyValue FROM {registry.Table} t " +
                $"JOIN {RegistryStage} s ON t.{registry.IdColumn} = s.id;",
                null, transaction, cancellationToken)).ConfigureAwait(false);
            var pairs = rows.Select(r => (r.Id, r.KeyValue)).ToList();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return pairs;
        }
    }

    private static async Task CopyAsync(
        DbConnection connection, DbTransaction transaction, string table, DataTable rows, CancellationToken cancellationToken)
    {
        using (rows)
        using (var copy = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.Default, (SqlTransaction)transaction))
        {
            copy.DestinationTableName = table;
            copy.BatchSize = 0;
            copy.BulkCopyTimeout = 0;
            foreach (DataColumn column in rows.Columns)
            {
                copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
            }

            await copy.WriteToServerAsync(rows, cancellationToken).ConfigureAwait(false);
        }
    }
}
