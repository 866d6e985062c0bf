using System.Data;

namespace Warning.Engine.Persistence;

/// <summary>Batches as DataTables for SqlBulkCopy, with the destination's column names and types.</summary>
internal static class SqlServerBulkTables
{
    internal static DataTable Deliveries(IReadOnlyList<DeliveryRecord> deliveries)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        AddColumns(table, ("version_id", typeof(string)), ("recipient_id", typeof(string)), ("channel", typeof(string)),
            ("area_code", typeof(string)), ("state", typeof(int)), ("provider_message_id", typeof(string)),
            ("created_at_ms", typeof(long)), ("claimed_at_ms", typeof(long)), ("submitted_at_ms", typeof(long)),
            ("completed_at_ms", typeof(long)), ("detail", typeof(string)));
        foreach (var d in deliveries)
        {
            table.Rows.Add(d.VersionId, d.RecipientId, d.Channel, Db(d.AreaCode), (int)d.State, Db(d.ProviderMessageId),
                d.AtMs, Db(d.ClaimedAtMs), Db(d.SubmittedAtMs), Db(d.CompletedAtMs), Db(d.Detail));
        }

        return table;
    }

    internal static DataTable Receipts(IReadOnlyList<ProviderReceipt> receipts)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        AddColumns(table, ("channel", typeof(string)), ("provider_message_id", typeof(string)), ("state", typeof(int)),
            ("received_at_ms", typeof(long)), ("raw", typeof(string)));
        foreach (var r in receipts)
        {
            table.Rows.Add(r.Channel, r.ProviderMessageId, (int)r.State, r.ReceivedAt.ToUnixTimeMilliseconds(), Db(r.Raw));
        }

        return table;
    }

    private static void AddColumns(DataTable table, params (string Name, Type Type)[] columns)
    {
        foreach (var (name, type) in columns)
        {
            table.Columns.Add(name, type);
        }
    }

    private static object Db(string? value) => (object?)value ?? DBNull.Value;

    private static object Db(long? value) => value is { } v ? v : DBNull.Value;
}
