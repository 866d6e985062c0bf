using System.Globalization;
using Npgsql;
using Warning.Admin.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.Durable;

/// <summary>
/// Issue 5: "A Red warning enqueued behind 100 queued Blue shards starts before them", on the host's real Hangfire
/// setup (PostgreSQL job storage, the urgent and routine servers of a worker node). An admin node publishes a Blue
/// warning cut into at least 100 shards and then a Red one while no worker runs; then a worker process starts and
/// Hangfire's own Processing states say which shard started when.
/// </summary>
[Trait("Category", "Durable")]
public sealed class UrgentQueueTests : IAsyncLifetime
{
    private const int RoutineWorkers = 2;

    private MultiNodeServers? _servers;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _servers = await MultiNodeServers.CreateAsync("warning_urgent", Token);

    public async ValueTask DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }

    [Fact]
    public async Task Publish_RedBehindHundredQueuedBlueShards_RedStartsBeforeTheQueuedBlueShards()
    {
        var settings = Settings();
        await using var admin = new AdminNode(settings);
        var blue = await PublishAsync(admin, WarningLevel.Blue, "大风蓝色预警，请注意防范。");
        var red = await PublishAsync(admin, WarningLevel.Red, "特大暴雨红色预警，请立即避险。");
        var blueJobs = await CountJobsAsync(blue);
        Assert.True(blueJobs >= 100, $"the Blue warning should be cut into at least 100 shard jobs, has {blueJobs}");
        Assert.True(await CountJobsAsync(red) > 0, "the Red warning enqueued no shard job");

        using var worker = new WorkerProcess("worker", new Dictionary<string, string>(settings) { ["Urls"] = "http://127.0.0.1:0" });
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(3);
        DateTime? redStarted;
        while ((redStarted = await FirstStartAsync(red)) is null)
        {
            Assert.False(worker.HasExited, $"the worker exited:\n{worker.Output}");
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"no Red shard started within 3 minutes:\n{worker.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Token);
        }

        // The routine server's workers may take their first Blue shards in the same instant the urgent server takes
        // the Red one (two servers starting side by side); every other Blue shard must wait until after the Red started.
        var blueBefore = await CountStartsBeforeAsync(blue, redStarted.Value);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{blueJobs} Blue shard jobs queued; Red started at {redStarted:O}; {blueBefore} Blue shards started before it");
        Assert.True(blueBefore <= RoutineWorkers,
            $"{blueBefore} Blue shards started before the Red one; at most the {RoutineWorkers} routine workers' first picks may\n{worker.Output}");
        Assert.True(await CountStartsAsync(blue) < blueJobs, "every Blue shard had started before the Red one was observed");
    }

    private static async Task<string> PublishAsync(AdminNode admin, WarningLevel level, string description)
    {
        var content = WarningIssuing.Compose(admin.Services, new WarningDraft
        {
            EventType = "11B03",
            Level = level,
            AreaCodes = ["440199"],
            Description = description,
        });
        return (await WarningIssuing.PublishAsync(admin.Services, content, Token)).VersionId;
    }

    private Task<long> CountJobsAsync(string versionId) =>
        ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @pattern", versionId);

    private Task<long> CountStartsAsync(string versionId) =>
        ScalarAsync<long>(
            "SELECT count(DISTINCT j.id) FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id " +
            "WHERE s.name = 'Processing' AND j.arguments::text LIKE @pattern", versionId);

    private async Task<DateTime?> FirstStartAsync(string versionId)
    {
        var first = await ScalarAsync<object>(
            "SELECT min(s.createdat) FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id " +
            "WHERE s.name = 'Processing' AND j.arguments::text LIKE @pattern", versionId);
        return first is DateTime at ? at : null;
    }

    private Task<long> CountStartsBeforeAsync(string versionId, DateTime before) =>
        ScalarAsync<long>(
            "SELECT count(DISTINCT j.id) FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id " +
            "WHERE s.name = 'Processing' AND j.arguments::text LIKE @pattern AND s.createdat < @before", versionId, before);

    private async Task<T> ScalarAsync<T>(string sql, string versionId, DateTime? before = null)
    {
        await using var connection = await TestServers.OpenPostgreSqlAsync(_servers!.ConnectionString, Token);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("pattern", $"%{versionId}%");
        if (before is { } at)
        {
            command.Parameters.AddWithValue("before", at);
        }
        return (T)(await command.ExecuteScalarAsync(Token))!;
    }

    private Dictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Warning:Store:Provider"] = "postgres",
        ["Warning:Store:ConnectionString"] = _servers!.ConnectionString,
        ["Warning:Redis"] = RedisServer.Configuration,
        ["Warning:Jobs:Runner"] = "hangfire",
        ["Warning:Jobs:Storage"] = "postgres",
        ["Warning:Jobs:ConnectionString"] = _servers!.ConnectionString,
        ["Warning:Jobs:RoutineWorkers"] = RoutineWorkers.ToString(CultureInfo.InvariantCulture),
        ["Warning:Directory:DemoPeople"] = "5000",
        ["Warning:ShardSize"] = "20",
        // Each shard is one sandbox call of this long, so routine workers stay busy with their first picks.
        ["Warning:SandboxLatency"] = "00:00:02",
    }.WithOnlySandbox("sms");

    /// <summary>The publishing node: only hands shards out, so every shard waits in the queue for the worker.</summary>
    private sealed class AdminNode(Dictionary<string, string> settings) : WarningAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))) { ["Warning:Role"] = "admin" };
    }
}
