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

    private protected override string Dialect => "SqlServer";

    private protected override string TextType => "NVARCHAR(12)";

    private protected override string MigrationPreambleSql =>
        "EXEC sp_getapplock @Resource = 'warning_migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction'; " +
        "IF OBJECT_ID('schema_version') IS NULL " +
        "CREATE TABLE schema_version (version BIGINT PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at_ms BIGINT NOT NULL);";

    private protected override string MatchReceiptsSql =>
        "UPDATE d SET d.state = r.state, d.completed_at_ms = r.received_at_ms FROM deliveries d " +
        $"JOIN ({DeliverySql.UnmatchedReceipts}) AS r ON d.channel = r.channel AND d.provider_message_id = r.provider_message_id " +
        "WHERE d.state < 3 AND r.state > d.state;" + DeliverySql.MarkReceiptsMatched;

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

    private protected override async Task<bool> TryBulkInsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        try
        {
            await CopyAsync(connection, transaction, "deliveries", SqlServerBulkTables.Deliveries(deliveries), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqlException e) when (e.Number is 2627 or 2601)
        {
            return false;
        }
    }

    private protected override async Task UpsertDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(Command(
            $"IF OBJECT_ID('tempdb..{Stage}') IS NULL SELECT TOP 0 * INTO {Stage} FROM deliveries; TRUNCATE TABLE {Stage};",
            null, transaction, cancellationToken)).ConfigureAwait(false);
        await CopyAsync(connection, transaction, Stage, SqlServerBulkTables.Deliveries(deliveries), cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(
            $"MERGE deliveries WITH (HOLDLOCK) AS d USING ({DeliverySql.CollapsedStage(Stage)}) AS s " +
            "ON d.version_id = s.version_id AND d.recipient_id = s.recipient_id AND d.channel = s.channel " +
            "WHEN MATCHED AND d.state < 3 AND s.state > d.state THEN UPDATE SET state = s.state, " +
            "area_code = COALESCE(s.area_code, d.area_code), provider_message_id = COALESCE(s.provider_message_id, d.provider_message_id), " +
            "claimed_at_ms = COALESCE(d.claimed_at_ms, s.claimed_at_ms), submitted_at_ms = COALESCE(d.submitted_at_ms, s.submitted_at_ms), " +
            "completed_at_ms = COALESCE(d.completed_at_ms, s.completed_at_ms), detail = COALESCE(s.detail, d.detail) " +
            $"WHEN NOT MATCHED THEN INSERT ({DeliverySql.Columns}) VALUES (s.version_id, s.recipient_id, s.channel, s.area_code, " +
            "s.state, s.provider_message_id, s.created_at_ms, s.claimed_at_ms, s.submitted_at_ms, s.completed_at_ms, s.detail);",
            null, transaction, cancellationToken)).ConfigureAwait(false);
    }

    private protected override Task InsertReceiptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken) =>
        CopyAsync(connection, transaction, "provider_receipts", SqlServerBulkTables.Receipts(receipts), cancellationToken);

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
