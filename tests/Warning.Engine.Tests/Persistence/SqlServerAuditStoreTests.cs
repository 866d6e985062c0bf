using Dapper;
using Microsoft.Data.SqlClient;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Persistence;

/// <summary>
/// Runs wherever WARNING_SQLSERVER names a server (its login needs CREATE DATABASE); each test gets its own
/// database. These machines have no SQL Server, so here (and in CI) the suite is skipped with that reason.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqlServerAuditStoreTests : AuditStoreContractTests
{
    private readonly string _database = $"warning_test_{Guid.NewGuid():N}";
    private string? _connectionString;

    protected override async Task<AuditStore> CreateStoreAsync(AuditStoreOptions options, TimeProvider time)
    {
        if (TestServers.SqlServer is not { } server)
        {
            Assert.Skip("WARNING_SQLSERVER is not set: no SQL Server on this machine");
            throw new InvalidOperationException();
        }

        await using (var admin = new SqlConnection(server))
        {
            await admin.ExecuteAsync($"CREATE DATABASE [{_database}]");
        }

        _connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = _database }.ConnectionString;
        return new SqlServerAuditStore(_connectionString, options, time);
    }

    protected override AuditStore CreateOtherNode() => new SqlServerAuditStore(_connectionString!);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqlConnection(_connectionString);
        await connection.ExecuteAsync(sql);
    }

    protected override async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqlConnection(_connectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        await using var admin = new SqlConnection(TestServers.SqlServer);
        await admin.ExecuteAsync($"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}]");
    }
}
