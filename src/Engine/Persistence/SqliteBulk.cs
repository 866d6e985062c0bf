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
    internal static void UpsertDeliveries(SqliteConnection connection, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        var stmt = Prepare(db,
            $"INSERT INTO deliveries ({DeliverySql.Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)" +
            DeliverySql.OnConflictMoveForward);
        using (stmt)
        {
            for (var i = 0; i < deliveries.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var d = deliveries[i];
                raw.sqlite3_bind_text(stmt, 1, d.VersionId);
                raw.sqlite3_bind_text(stmt, 2, d.RecipientId);
                raw.sqlite3_bind_text(stmt, 3, d.Channel);
                Bind(stmt, 4, d.AreaCode);
                raw.sqlite3_bind_int(stmt, 5, (int)d.State);
                Bind(stmt, 6, d.ProviderMessageId);
                raw.sqlite3_bind_int64(stmt, 7, d.AtMs);
                Bind(stmt, 8, d.ClaimedAtMs);
                Bind(stmt, 9, d.SubmittedAtMs);
                Bind(stmt, 10, d.CompletedAtMs);
                Bind(stmt, 11, d.Detail);
                Step(db, stmt);
            }
        }
    }

    internal static void InsertReceipts(SqliteConnection connection, IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        var stmt = Prepare(db,
            "INSERT INTO provider_receipts (channel, provider_message_id, state, received_at_ms, raw) VALUES (?1, ?2, ?3, ?4, ?5)");
        using (stmt)
        {
            foreach (var r in receipts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                raw.sqlite3_bind_text(stmt, 1, r.Channel);
                raw.sqlite3_bind_text(stmt, 2, r.ProviderMessageId);
                raw.sqlite3_bind_int(stmt, 3, (int)r.State);
                raw.sqlite3_bind_int64(stmt, 4, r.ReceivedAt.ToUnixTimeMilliseconds());
                Bind(stmt, 5, r.Raw);
                Step(db, stmt);
            }
        }
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
