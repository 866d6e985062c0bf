using Dapper;
using Microsoft.Data.Sqlite;
using Warning.Engine.Persistence;

namespace Warning.Engine.Tests.Persistence;

public sealed class SqliteAuditStoreTests : AuditStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"warning-audit-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_path}";

    protected override Task<AuditStore> CreateStoreAsync(AuditStoreOptions options, TimeProvider time) =>
        Task.FromResult<AuditStore>(new SqliteAuditStore(ConnectionString, options, time));

    protected override AuditStore CreateOtherNode() => new SqliteAuditStore(ConnectionString);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    protected override async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
