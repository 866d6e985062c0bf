using System.Data;

namespace Warning.Engine.Persistence;

/// <summary>Batches as DataTables for SqlBulkCopy, with the destination's column names and types.</summary>
internal static class SqlServerBulkTables
{
    internal static DataTable Deliveries(IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        AddColumns(table, ("version_key", typeof(int)), ("recipient_key", typeof(int)), ("channel_key", typeof(short)),
            ("state", typeof(short)), ("created_at_ms", typeof(long)), ("claimed_at_ms", typeof(long)), ("submitted_at_ms", typeof(long)),
            ("completed_at_ms", typeof(long)), ("area_code", typeof(string)), ("provider_message_id", typeof(string)), ("detail", typeof(string)));
        for (var i = 0; i < deliveries.Count; i++)
        {
            var d = deliveries[i];
            var k = keys[i];
            table.Rows.Add(k.Version, k.Recipient, k.Channel, (short)d.State, d.AtMs, Db(d.ClaimedAtMs), Db(d.SubmittedAtMs),
                Db(d.CompletedAtMs), Db(d.AreaCode), Db(d.ProviderMessageId), Db(d.Detail));
        }

        return table;
    }

    internal static DataTable Receipts(IReadOnlyList<ProviderReceipt> receipts, short[] channelKeys)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        AddColumns(table, ("channel_key", typeof(short)), ("provider_message_id", typeof(string)), ("state", typeof(short)),
            ("received_at_ms", typeof(long)), ("raw", typeof(string)), ("n", typeof(int)));
        for (var i = 0; i < receipts.Count; i++)
        {
            var r = receipts[i];
            table.Rows.Add(channelKeys[i], r.ProviderMessageId, (short)r.State, r.ReceivedAt.ToUnixTimeMilliseconds(), Db(r.Raw), i);
        }

        return table;
    }

    /// <summary>Ids to register, numbered in the order their keys are to be handed out.</summary>
    internal static DataTable Ids(IReadOnlyList<string> ids)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        AddColumns(table, ("id", typeof(string)), ("n", typeof(int)));
        for (var i = 0; i < ids.Count; i++)
        {
            table.Rows.Add(ids[i], i);
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
