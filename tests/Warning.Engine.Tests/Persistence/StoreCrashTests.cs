using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Persistence;

/// <summary>
/// A child process (tests/Warning.StoreWriter) writes numbered batches and prints each one as it commits;
/// the test kills it with SIGKILL mid-write and checks that every printed batch survived, whole.
/// </summary>
public sealed class StoreCrashTests
{
    private const int BatchSize = 2_000;
    private const int BatchesBeforeKill = 8;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SqliteWriter_KilledMidWrite_KeepsEveryCommittedBatchAndStaysUsable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"warning-crash-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path}";
        try
        {
            var committed = await RunAndKillAsync("sqlite", connectionString);

            await AssertSurvivedAsync(new SqliteAuditStore(connectionString), committed);
            await using var connection = new SqliteConnection(connectionString);
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task PostgreSqlWriter_KilledMidWrite_KeepsEveryCommittedBatchAndStaysUsable()
    {
        var schema = $"crash_test_{Guid.NewGuid():N}"[..28];
        await using (var admin = await TestServers.OpenPostgreSqlAsync(TestServers.PostgreSql, Token))
        {
            await admin.ExecuteAsync($"CREATE SCHEMA {schema}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { SearchPath = schema }.ConnectionString;
        try
        {
            var committed = await RunAndKillAsync("postgres", connectionString);

            await AssertSurvivedAsync(new PostgreSqlAuditStore(connectionString), committed);
        }
        finally
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await using var admin = new NpgsqlConnection(TestServers.PostgreSql);
            await admin.ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static async Task AssertSurvivedAsync(AuditStore store, IReadOnlyList<long> committed)
    {
        await store.MigrateAsync(Token);
        foreach (var batch in committed)
        {
            Assert.Equal(BatchSize, await TargetedAsync(store, batch));
        }

        // A batch in flight at the kill is either whole or absent, never half-written.
        for (var batch = committed.Max() + 1; batch <= committed.Max() + 5; batch++)
        {
            Assert.Contains(await TargetedAsync(store, batch), new[] { 0L, BatchSize });
        }

        var at = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
        await store.RecordDeliveriesAsync([new DeliveryRecord("after", "r1", "sms", null, DeliveryState.Delivered, at, "m")], Token);
        Assert.Equal(1, await TargetedAsync(store, "after"));
    }

    private static Task<long> TargetedAsync(AuditStore store, long batch) => TargetedAsync(store, $"b{batch}");

    private static async Task<long> TargetedAsync(AuditStore store, string version) =>
        Assert.Single(await store.GetDeliveryCountsAsync(version, AuditGrouping.None, AuditFilter.None, Token)).Targeted;

    private static async Task<IReadOnlyList<long>> RunAndKillAsync(string kind, string connectionString)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Warning.StoreWriter.dll"), kind, connectionString, "1000000", $"{BatchSize}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Token);
        var committed = new List<long>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (committed.Count < BatchesBeforeKill && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            Collect(line, committed);
        }

        process.Kill(entireProcessTree: true); // SIGKILL on Linux: no flush, no finally blocks
        await process.WaitForExitAsync(Token);
        while (await process.StandardOutput.ReadLineAsync(Token) is { } line)
        {
            Collect(line, committed);
        }

        Assert.True(committed.Count >= BatchesBeforeKill, $"the writer stopped early: {await errors}");
        Assert.Equal(137, process.ExitCode); // 128 + SIGKILL: it was killed, it did not finish
        return committed;
    }

    private static void Collect(string line, List<long> committed)
    {
        if (line.StartsWith("committed ", StringComparison.Ordinal))
        {
            committed.Add(long.Parse(line.AsSpan("committed ".Length), CultureInfo.InvariantCulture));
        }
    }
}
