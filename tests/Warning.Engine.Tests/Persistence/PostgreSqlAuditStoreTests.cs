using Dapper;
using Npgsql;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Persistence;

/// <summary>Each test gets its own schema in warning_test, dropped afterwards.</summary>
[Trait("Category", "Integration")]
public sealed class PostgreSqlAuditStoreTests : AuditStoreContractTests
{
    private readonly string _schema = $"audit_test_{Guid.NewGuid():N}"[..28];
    private string? _connectionString;

    protected override async Task<AuditStore> CreateStoreAsync(AuditStoreOptions options, TimeProvider time)
    {
        await using (var admin = await TestServers.OpenPostgreSqlAsync(TestServers.PostgreSql, TestContext.Current.CancellationToken))
        {
            await admin.ExecuteAsync($"CREATE SCHEMA {_schema}");
        }

        _connectionString = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { SearchPath = _schema }.ConnectionString;
        return new PostgreSqlAuditStore(_connectionString, options, time);
    }

    protected override AuditStore CreateOtherNode() => new PostgreSqlAuditStore(_connectionString!);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.ExecuteAsync(sql);
    }

    protected override async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var admin = new NpgsqlConnection(TestServers.PostgreSql);
        await admin.ExecuteAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }
}
