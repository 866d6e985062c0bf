namespace Warning.Engine.Persistence;

/// <summary>INSERT … ON CONFLICT, written the same way by SQLite and PostgreSQL.</summary>
internal static class OnConflictSql
{
    internal static string Save(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns, bool update)
    {
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        var conflict = $" ON CONFLICT ({string.Join(", ", keys)}) DO ";
        if (!update)
        {
            return insert + conflict + "NOTHING";
        }

        var set = columns.Where(c => !keys.Contains(c)).Select(c => $"{c} = excluded.{c}");
        return insert + conflict + "UPDATE SET " + string.Join(", ", set);
    }
}
