using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;

namespace Warning.Admin.Tests.Durable;

/// <summary>
/// Issue 5's second crash test, on the embedded profile: no Redis, no PostgreSQL, one process sending. Shard jobs
/// wait in Hangfire's SQLite storage and the claim ledger is a SQLite file, so when the sending process is SIGKILLed
/// half-way and started again, it resumes: every recipient served, and a recipient sent twice only if the killed run
/// had claimed it without confirming (its in-flight window). The releasing node is this test's host (role admin)
/// on the same files, so that the process that is killed is the only one that sends.
/// </summary>
[Trait("Category", "Durable")]
public sealed class EmbeddedRestartTests : IDisposable
{
    private const int QueueCapacity = 8;
    private const int BatchSize = 200;
    private const int Senders = 4;
    private const int ClaimBatch = 1024;
    private const int Workers = 4;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"warning-restart-{Guid.NewGuid():N}");

    private string Logs => Path.Combine(_folder, "sends");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_EmbeddedProcessKilledHalfwayAndRestarted_EveryRecipientServedAndRepeatsOnlyFromItsInFlightWindow()
    {
        Directory.CreateDirectory(Logs);
        var settings = Settings();
        await using var admin = new AdminNode(settings);
        var content = WarningIssuing.Compose(admin.Services, new WarningDraft
        {
            EventType = "11B03",
            Level = WarningLevel.Red,
            AreaCodes = ["440199"],
            Description = "预计未来3小时内全区将出现250毫米以上特大暴雨，请立即避险。",
        });
        var audience = admin.Services.GetRequiredService<WarningService>().Preview(content).ByChannel["sms"];

        var killed = Start("embedded-1", settings);
        await WaitStartedAsync(killed);
        await WarningIssuing.PublishAsync(admin.Services, content, Token);
        await WaitForAsync(() => SendLog.Read(Logs).Total >= audience * 2 / 5, killed, TimeSpan.FromMinutes(3));
        killed.Kill();
        var killedId = killed.Id;
        killed.Dispose();

        using var restarted = Start("embedded-2", settings);
        await WaitStartedAsync(restarted);
        await WaitForAsync(() => SendLog.Read(Logs).Distinct >= audience, restarted, TimeSpan.FromMinutes(4));

        var log = SendLog.Read(Logs);
        var window = (QueueCapacity + Senders) * BatchSize + Workers * ClaimBatch;
        TestContext.Current.TestOutputHelper?.WriteLine($"audience {audience}; {log}; in-flight window {window}");
        Assert.Equal(audience, log.Distinct);
        Assert.True(log.Repeated.Count <= window, $"{log.Repeated.Count} recipients were sent twice; the in-flight window is {window}");
        Assert.All(log.Repeated, r => Assert.Contains(r, log.ByProcess[killedId]));
        Assert.True(log.ByProcess.ContainsKey(restarted.Id), "the restarted process sent nothing: nothing was resumed");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a process being torn down: the temp folder is cleaned by the OS
        }
    }

    private static WorkerProcess Start(string name, Dictionary<string, string> settings) =>
        new(name, new Dictionary<string, string>(settings) { ["Urls"] = "http://127.0.0.1:0" }, profile: "embedded");

    private static async Task WaitStartedAsync(WorkerProcess process)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(3);
        while (!process.Started.IsCompleted)
        {
            Assert.False(process.HasExited, $"{process.Name} exited at start:\n{process.Output}");
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"{process.Name} did not start:\n{process.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Token);
        }
    }

    private async Task WaitForAsync(Func<bool> condition, WorkerProcess mustLive, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition())
        {
            Assert.False(mustLive.HasExited, $"{mustLive.Name} exited early:\n{mustLive.Output}");
            Assert.True(TimeProvider.System.GetUtcNow() < deadline,
                $"timed out after {timeout}; log so far: {SendLog.Read(Logs)}\n{mustLive.Name}:\n{mustLive.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Token);
        }
    }

    private Dictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Warning:Store:Provider"] = "sqlite",
        ["Warning:Store:ConnectionString"] = $"Data Source={Path.Combine(_folder, "warning.db")}",
        ["Warning:Ledger"] = "sqlite",
        ["Warning:LedgerConnectionString"] = $"Data Source={Path.Combine(_folder, "ledger.db")}",
        ["Warning:Console:DemoUsersFile"] = Path.Combine(_folder, "demo-users.txt"),
        ["Warning:Jobs:Runner"] = "hangfire",
        ["Warning:Jobs:Storage"] = "sqlite",
        ["Warning:Jobs:ConnectionString"] = Path.Combine(_folder, "hangfire.db"),
        ["Warning:Jobs:InvisibilityTimeout"] = "00:00:05",
        ["Warning:Jobs:LeaseTimeToLive"] = "00:00:03",
        ["Warning:Jobs:LeaseRenewInterval"] = "00:00:01",
        ["Warning:Jobs:UrgentWorkers"] = Workers.ToString(CultureInfo.InvariantCulture),
        ["Warning:Directory:DemoPeople"] = "60000",
        ["Warning:ShardSize"] = "5000",
        ["Warning:SandboxLatency"] = "00:00:00.040",
        ["Warning:SandboxBatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["Warning:SandboxSendLog"] = Logs,
        ["Warning:Dispatch:QueueCapacity"] = QueueCapacity.ToString(CultureInfo.InvariantCulture),
        ["Warning:Dispatch:SendersPerChannel"] = Senders.ToString(CultureInfo.InvariantCulture),
        ["Warning:Dispatch:ClaimBatchSize"] = ClaimBatch.ToString(CultureInfo.InvariantCulture),
    }.WithOnlySandbox("sms");

    /// <summary>The releasing side, on the same SQLite files: hands the shards out, sends nothing.</summary>
    private sealed class AdminNode(Dictionary<string, string> settings) : WarningAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))) { ["Warning:Role"] = "admin" };
    }
}
