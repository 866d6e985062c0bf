using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.Durable;

/// <summary>
/// Issue 5's crash test on real servers: an admin node (this test's host) publishes a Red warning to the whole demo
/// district of 225,000 people; two worker processes share its shard jobs through Hangfire on PostgreSQL and the
/// claim ledger and shard leases in Redis; one worker is SIGKILLed half-way. Every recipient must be served, and a
/// recipient may appear twice only if the killed worker had claimed it without confirming (its in-flight window).
/// </summary>
[Trait("Category", "Durable")]
public sealed partial class TwoWorkerCrashTests : IAsyncLifetime
{
    [System.Text.RegularExpressions.GeneratedRegex(@"(\d+) served before")]
    private static partial System.Text.RegularExpressions.Regex ServedBefore();

    private const int QueueCapacity = 8;
    private const int BatchSize = 200;
    private const int Senders = 4;
    private const int ClaimBatch = 1024;
    private const int ShardsPerWorker = 4;

    private MultiNodeServers? _servers;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _servers = await MultiNodeServers.CreateAsync("warning_crash", Token);

    public async ValueTask DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }

    [Fact]
    public async Task Publish_WorkerKilledHalfway_EveryRecipientServedAndRepeatsOnlyFromItsInFlightWindow()
    {
        var settings = Settings();
        await using var admin = new AdminNode(settings);
        var service = admin.Services.GetRequiredService<WarningService>();
        var composer = admin.Services.GetRequiredService<WarningComposer>();
        using var first = new WorkerProcess("worker-a", Worker(settings));
        using var second = new WorkerProcess("worker-b", Worker(settings));
        try
        {
            await Task.WhenAll(first.Started, second.Started).WaitAsync(TimeSpan.FromMinutes(3), Token);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the workers did not start:\n{first.Output}\n----\n{second.Output}");
        }

        var drafter = new Issuer("zhang.san", "张三", "qinglan-ema", IssuerRoles.Drafter);
        var approver = new Issuer("li.si", "李四", "qinglan-ema", IssuerRoles.Approver);
        var department = admin.Services.GetRequiredService<IDepartmentDirectory>().Find("qinglan-ema")!;
        var content = composer.Compose(department, new WarningDraft
        {
            EventType = "11B03",
            Level = WarningLevel.Red,
            AreaCodes = ["440199"],
            Description = "预计未来3小时内全区将出现250毫米以上特大暴雨，请立即避险。",
        });
        var audience = service.Preview(content).ByChannel["sms"];
        var created = await service.CreateAsync(drafter, content, Token);
        await service.SubmitAsync(drafter, created.Thread.ThreadId, Token);
        await service.ApproveAsync(approver, created.Thread.ThreadId, null, Token);
        await service.PublishAsync(drafter, created.Thread.ThreadId, Token);

        await WaitForAsync(() => SendLog.Read(_servers!.SendLogs).Total >= audience * 2 / 5, first, second, TimeSpan.FromMinutes(3));
        first.Kill();
        await WaitForAsync(() => SendLog.Read(_servers!.SendLogs).Distinct >= audience, null, second, TimeSpan.FromMinutes(4));

        var log = SendLog.Read(_servers!.SendLogs);
        var window = (QueueCapacity + Senders) * BatchSize + ShardsPerWorker * ClaimBatch;
        TestContext.Current.TestOutputHelper?.WriteLine($"audience {audience}; {log}; in-flight window {window}");
        Assert.True(audience >= 200_000, $"the district should have at least 200,000 SMS recipients, has {audience}");
        Assert.Equal(audience, log.Distinct);
        Assert.True(log.Repeated.Count <= window, $"{log.Repeated.Count} recipients were sent twice; the in-flight window is {window}");
        Assert.All(log.Repeated, r => Assert.Contains(r, log.ByProcess[first.Id]));
        // The survivor resumed at least one shard the killed worker had begun: it found recipients served before.
        var shardLines = second.Output.Split('\n').Where(l => l.Contains("Shard", StringComparison.Ordinal)).ToList();
        Assert.True(shardLines.Any(l => ServedBefore().Match(l) is { Success: true } m && m.Groups[1].Value != "0"),
            $"{log}\n{string.Join('\n', shardLines)}");
    }

    private async Task WaitForAsync(Func<bool> condition, WorkerProcess? mustLiveA, WorkerProcess mustLiveB, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition())
        {
            foreach (var worker in new[] { mustLiveA, mustLiveB }.OfType<WorkerProcess>().Where(w => w.HasExited))
            {
                Assert.Fail($"{worker.Name} exited early:\n{worker.Output}");
            }
            Assert.True(TimeProvider.System.GetUtcNow() < deadline,
                $"timed out after {timeout}; log so far: {SendLog.Read(_servers!.SendLogs)}\n{mustLiveB.Name}:\n{mustLiveB.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Token);
        }
    }

    private Dictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Warning:Store:Provider"] = "postgres",
        ["Warning:Store:ConnectionString"] = _servers!.ConnectionString,
        ["Warning:Redis"] = RedisServer.Configuration,
        ["Warning:Jobs:Runner"] = "hangfire",
        ["Warning:Jobs:Storage"] = "postgres",
        ["Warning:Jobs:ConnectionString"] = _servers!.ConnectionString,
        ["Warning:Jobs:InvisibilityTimeout"] = "00:00:05",
        ["Warning:Jobs:LeaseTimeToLive"] = "00:00:03",
        ["Warning:Jobs:LeaseRenewInterval"] = "00:00:01",
        ["Warning:Jobs:UrgentWorkers"] = ShardsPerWorker.ToString(CultureInfo.InvariantCulture),
        ["Warning:Directory:DemoPeople"] = "225000",
        ["Warning:ShardSize"] = "10000",
        ["Warning:SandboxLatency"] = "00:00:00.040",
        ["Warning:SandboxBatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["Warning:SandboxSendLog"] = _servers!.SendLogs,
        ["Warning:Dispatch:QueueCapacity"] = QueueCapacity.ToString(CultureInfo.InvariantCulture),
        ["Warning:Dispatch:SendersPerChannel"] = Senders.ToString(CultureInfo.InvariantCulture),
        ["Warning:Dispatch:ClaimBatchSize"] = ClaimBatch.ToString(CultureInfo.InvariantCulture),
    }.WithOnlySandbox("sms");

    private static Dictionary<string, string> Worker(Dictionary<string, string> settings) =>
        new(settings) { ["Urls"] = "http://127.0.0.1:0" };

    /// <summary>The publishing node: this test's in-process host in the admin role (hands shards out, sends nothing).</summary>
    private sealed class AdminNode(Dictionary<string, string> settings) : WarningAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))) { ["Warning:Role"] = "admin" };
    }
}
