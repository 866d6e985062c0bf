using Dapper;
using Npgsql;
using Warning.Engine.Persistence;

namespace Warning.Benchmarks;

/// <summary>
/// A fresh, empty store per run: a new SQLite file in the temp folder, or a new schema in the PostgreSQL
/// database that scripts/services.sh starts (WARNING_POSTGRES overrides the connection).
/// </summary>
internal sealed class BenchStores : IAsyncDisposable
{
    private const string DefaultPostgreSql =
        "Host=127.0.0.1;Port=5432;Username=warning;Password=warning;Database=warning_test";

    private readonly string _kind;
    private readonly string _location;

    private BenchStores(string kind, string location, string connectionString, AuditStore store)
    {
        _kind = kind;
        _location = location;
        ConnectionString = connectionString;
        Store = store;
    }

    public string ConnectionString { get; }

    public AuditStore Store { get; }

    public static string PostgreSql => Environment.GetEnvironmentVariable("WARNING_POSTGRES") is { Length: > 0 } value
        ? value
        : DefaultPostgreSql;

    public static async Task<BenchStores> CreateAsync(string kind)
    {
        BenchStores created;
        if (kind == "sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"warning-bench-{Guid.NewGuid():N}.db");
            var connectionString = $"Data Source={path}";
            created = new BenchStores(kind, path, connectionString, new SqliteAuditStore(connectionString));
        }
        else if (kind == "postgres")
        {
            var schema = $"bench_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(PostgreSql))
            {
                await admin.ExecuteAsync($"CREATE SCHEMA {schema}");
            }

            var connectionString = new NpgsqlConnectionStringBuilder(PostgreSql) { SearchPath = schema }.ConnectionString;
            created = new BenchStores(kind, schema, connectionString, new PostgreSqlAuditStore(connectionString));
        }
        else
        {
            throw new ArgumentException($"unknown store '{kind}': use sqlite or postgres");
        }

        await created.Store.MigrateAsync(CancellationToken.None);
        return created;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = _kind == "sqlite"
            ? (System.Data.Common.DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        if (_kind == "sqlite")
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_location + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgreSql);
        await admin.ExecuteAsync($"DROP SCHEMA IF EXISTS {_location} CASCADE");
    }
}
