using System.Data;
using System.Text;
using Dapper;

namespace Warning.Engine.Persistence;

/// <summary>
/// Turns an <see cref="AuditFilter"/> into fixed SQL fragments and parameters: user text never becomes SQL.
/// The area prefix escapes LIKE's wildcards (and SQL Server's '['), so "%" matches only a literal "%".
/// </summary>
internal static class AuditFilterSql
{
    internal const string LastEvent = "COALESCE(completed_at_ms, submitted_at_ms, claimed_at_ms, created_at_ms)";

    internal static string Where(AuditFilter filter, DynamicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder();
        if (filter.From is { } from)
        {
            sql.Append(" AND ").Append(LastEvent).Append(" >= @FromMs");
            parameters.Add("FromMs", from.ToUnixTimeMilliseconds(), DbType.Int64);
        }

        if (filter.To is { } to)
        {
            sql.Append(" AND ").Append(LastEvent).Append(" < @ToMs");
            parameters.Add("ToMs", to.ToUnixTimeMilliseconds(), DbType.Int64);
        }

        if (filter.Channel is { } channel)
        {
            sql.Append(" AND channel = @Channel");
            parameters.Add("Channel", channel, DbType.String);
        }

        if (filter.State is { } state)
        {
            sql.Append(" AND state = @State");
            parameters.Add("State", (int)state, DbType.Int32);
        }

        if (filter.AreaCode is { } area)
        {
            sql.Append(" AND area_code LIKE @AreaPrefix ESCAPE '\\'");
            parameters.Add("AreaPrefix", EscapeLike(area) + "%", DbType.String);
        }

        return sql.ToString();
    }

    internal static string EscapeLike(string value)
    {
        var escaped = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is '\\' or '%' or '_' or '[')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
