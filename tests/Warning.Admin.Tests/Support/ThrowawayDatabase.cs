using Npgsql;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.Support;

/// <summary>
/// A PostgreSQL database of one multi-process test's own on the test server (scripts/services.sh starts it), so its
/// nodes share a store, job queue and schedules that no other test touches; dropped (FORCE) when disposed.
/// </summary>
internal sealed class ThrowawayDatabase : IAsyncDisposable
{
    private ThrowawayDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The test server's connection string pointed at this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates <c>{prefix}_{random}</c>; fails (or skips outside CI) when PostgreSQL is not reachable.</summary>
    public static async Task<ThrowawayDatabase> CreateAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var admin = await TestServers.OpenPostgreSqlAsync(TestServers.PostgreSql, cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new ThrowawayDatabase(name,
            new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = name, Timeout = 15 }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await TestServers.OpenPostgreSqlAsync(TestServers.PostgreSql, CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
