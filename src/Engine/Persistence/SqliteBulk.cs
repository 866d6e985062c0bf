using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Warning.Engine.Persistence;

/// <summary>
/// The SQLite bulk path: one statement, prepared once per batch and stepped once per row, inside the caller's
/// transaction. It binds through SQLitePCLRaw (the library under Microsoft.Data.Sqlite) because
/// SqliteCommand re-validates and re-binds every parameter on every execution, which measured here at about
/// half the rows per second of binding directly.
/// </summary>
internal static class SqliteBulk
{
    /// <summary>
    /// Rows per INSERT: one statement step per 32 rows instead of per row spares SQLite's per-statement work
    /// (cursor set-up, reset, the connection mutex). Rows of one statement are applied in order, so a delivery
    /// twice in a batch still moves forward as if written one row at a time.
    /// </summary>
    private const int RowsPerStatement = 32;

    private const int DeliveryColumns = 11;

    internal static void UpsertDeliveries(
        SqliteConnection connection, IReadOnlyList<DeliveryRecord> deliveries, DeliveryKeys[] keys, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        using var one = Prepare(db, UpsertSql(1));
        using var many = Prepare(db, UpsertSql(RowsPerStatement));
        var i = 0;
        for (; i + RowsPerStatement <= deliveries.Count; i += RowsPerStatement)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var r = 0; r < RowsPerStatement; r++)
            {
                BindDelivery(many, r * DeliveryColumns, deliveries[i + r], keys[i + r]);
            }

            Step(db, many);
        }

        for (; i < deliveries.Count; i++)
        {
            BindDelivery(one, 0, deliveries[i], keys[i]);
            Step(db, one);
        }
    }

    internal static void InsertReceipts(
        SqliteConnection connection, IReadOnlyList<ProviderReceipt> receipts, short[] channelKeys, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        using var asSent = Prepare(db,
            "INSERT INTO provider_receipts (channel_key, provider_message_id, state, received_at_ms, raw) VALUES (?1, ?2, ?3, ?4, ?5)");
        using var first = Prepare(db,
            "INSERT INTO first_receipts (channel_key, provider_message_id, state, received_at_ms) VALUES (?1, ?2, ?3, ?4)" +
            DeliverySql.OnConflictKeepFirstReceipt);
        for (var i = 0; i < receipts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BindReceipt(asSent, receipts[i], channelKeys[i]);
            Bind(asSent, 5, receipts[i].Raw);
            Step(db, asSent);
            BindReceipt(first, receipts[i], channelKeys[i]);
            Step(db, first);
        }
    }

    /// <summary>
    /// The key of every id, inserting the ids not registered yet (SQLite hands out the next rowid). The caller's
    /// transaction (BEGIN IMMEDIATE) makes this the only writer, so a look-up then insert cannot race.
    /// </summary>
    internal static List<(string Id, int Key)> Register(
        SqliteConnection connection, DeliveryRegistry registry, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        var pairs = new List<(string Id, int Key)>(ids.Count);
        using var select = Prepare(db, $"SELECT {registry.KeyColumn} FROM {registry.Table} WHERE {registry.IdColumn} = ?1");
        using var insert = Prepare(db, $"INSERT INTO {registry.Table} ({registry.IdColumn}) VALUES (?1)");
        for (var i = 0; i < ids.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            raw.sqlite3_bind_text(select, 1, ids[i]);
            var rc = raw.sqlite3_step(select);
            var found = rc == raw.SQLITE_ROW;
            var key = found ? raw.sqlite3_column_int(select, 0) : 0;
            raw.sqlite3_reset(select);
            if (rc is not raw.SQLITE_ROW and not raw.SQLITE_DONE)
            {
                throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
            }

            if (!found)
            {
                raw.sqlite3_bind_text(insert, 1, ids[i]);
                Step(db, insert);
                key = checked((int)raw.sqlite3_last_insert_rowid(db));
            }

            pairs.Add((ids[i], key));
        }

        return pairs;
    }

    private static string UpsertSql(int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", Enumerable.Range((r * DeliveryColumns) + 1, DeliveryColumns).Select(p => $"?{p}")) + ")"));
        return $"INSERT INTO deliveries ({DeliverySql.Columns}) VALUES {values}" + DeliverySql.OnConflictMoveForward;
    }

    private static void BindDelivery(sqlite3_stmt stmt, int offset, in DeliveryRecord d, DeliveryKeys k)
    {
        raw.sqlite3_bind_int(stmt, offset + 1, k.Version);
        raw.sqlite3_bind_int(stmt, offset + 2, k.Recipient);
        raw.sqlite3_bind_int(stmt, offset + 3, k.Channel);
        raw.sqlite3_bind_int(stmt, offset + 4, (int)d.State);
        raw.sqlite3_bind_int64(stmt, offset + 5, d.AtMs);
        Bind(stmt, offset + 6, d.ClaimedAtMs);
        Bind(stmt, offset + 7, d.SubmittedAtMs);
        Bind(stmt, offset + 8, d.CompletedAtMs);
        Bind(stmt, offset + 9, d.AreaCode);
        Bind(stmt, offset + 10, d.ProviderMessageId);
        Bind(stmt, offset + 11, d.Detail);
    }

    private static void BindReceipt(sqlite3_stmt stmt, in ProviderReceipt r, short channelKey)
    {
        raw.sqlite3_bind_int(stmt, 1, channelKey);
        raw.sqlite3_bind_text(stmt, 2, r.ProviderMessageId);
        raw.sqlite3_bind_int(stmt, 3, (int)r.State);
        raw.sqlite3_bind_int64(stmt, 4, r.ReceivedAt.ToUnixTimeMilliseconds());
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var stmt);
        if (rc != raw.SQLITE_OK)
        {
            stmt.Dispose();
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }

        return stmt;
    }

    private static void Step(sqlite3 db, sqlite3_stmt stmt)
    {
        var rc = raw.sqlite3_step(stmt);
        raw.sqlite3_reset(stmt);
        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    private static void Bind(sqlite3_stmt stmt, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(stmt, index);
        }
        else
        {
            raw.sqlite3_bind_text(stmt, index, value);
        }
    }

    private static void Bind(sqlite3_stmt stmt, int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(stmt, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(stmt, index);
        }
    }
}
