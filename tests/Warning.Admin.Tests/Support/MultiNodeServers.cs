using Npgsql;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.Support;

/// <summary>
/// What a multi-process test's nodes share: the Redis server (checked reachable), a PostgreSQL database of the test's
/// own on the test server (scripts/services.sh starts both), so no other test touches its store, job queue or
/// schedules, and a folder for the sandbox send logs. The database is dropped (FORCE) and the folder deleted on dispose.
/// </summary>
internal sealed class MultiNodeServers : IAsyncDisposable
{
    private MultiNodeServers(string database, string connectionString, string sendLogs)
    {
        Database = database;
        ConnectionString = connectionString;
        SendLogs = sendLogs;
    }

    public string Database { get; }

    /// <summary>The test server's connection string pointed at this test's database.</summary>
    public string ConnectionString { get; }

    /// <summary>The folder each node's sandbox writes its sends to (<c>Warning:SandboxSendLog</c>).</summary>
    public string SendLogs { get; }

    /// <summary>Creates database <c>{prefix}_{random}</c>; fails (or skips outside CI) when Redis or PostgreSQL is not reachable.</summary>
    public static async Task<MultiNodeServers> CreateAsync(string prefix, CancellationToken cancellationToken)
    {
        (await RedisServer.ConnectAsync()).Dispose();
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var admin = await TestServers.OpenPostgreSqlAsync(TestServers.PostgreSql, cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync(cancellationToken);
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{prefix}-logs-{Guid.NewGuid():N}")).FullName;
        return new MultiNodeServers(name,
            new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = name, Timeout = 15 }.ConnectionString, logs);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await TestServers.OpenPostgreSqlAsync(TestServers.PostgreSql, CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
        Directory.Delete(SendLogs, recursive: true);
    }
}
