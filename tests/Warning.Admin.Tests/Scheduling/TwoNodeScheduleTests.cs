using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Durable;
using Warning.Admin.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.Scheduling;

/// <summary>
/// Issue 5: expiry, scheduled publication and the repeated broadcast of a Red warning fire once each with two nodes
/// running. Two worker processes share Quartz's clustered store on PostgreSQL (and the job queue, the audit store
/// and Redis); this test's host is the admin node that releases the warnings. Short times, no sleeps: the repeat's
/// third round is the clock that says the earlier schedules had every chance to fire twice.
/// </summary>
[Trait("Category", "Durable")]
public sealed class TwoNodeScheduleTests : IAsyncLifetime
{
    private static readonly TimeSpan RepeatInterval = TimeSpan.FromSeconds(4);

    private MultiNodeServers? _servers;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _servers = await MultiNodeServers.CreateAsync("warning_sched", Token);

    public async ValueTask DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }

    [Fact]
    public async Task Schedules_TwoWorkerNodes_ExpiryPublicationAndEachRepeatRoundFireOnce()
    {
        var settings = Settings();
        using var first = new WorkerProcess("worker-a", settings);
        using var second = new WorkerProcess("worker-b", settings);
        var startBy = TimeProvider.System.GetUtcNow().AddMinutes(3);
        while (!(first.Started.IsCompleted && second.Started.IsCompleted))
        {
            Assert.False(first.HasExited || second.HasExited, $"a worker exited at start:\n{Output(first, second)}");
            Assert.True(TimeProvider.System.GetUtcNow() < startBy, $"the workers did not start:\n{Output(first, second)}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Token);
        }
        await using var admin = new AdminNode(settings);
        var services = admin.Services;
        var now = TimeProvider.System.GetUtcNow();

        var expiring = await WarningIssuing.PublishAsync(services, WarningIssuing.Compose(services, new WarningDraft
        {
            EventType = "11B06",
            Level = WarningLevel.Blue,
            AreaCodes = ["440199001"],
            Description = "大风蓝色预警，短时有效。",
            Expires = now.AddSeconds(6),
        }), Token);
        var laterContent = WarningIssuing.Compose(services, new WarningDraft
        {
            EventType = "11B03",
            Level = WarningLevel.Blue,
            AreaCodes = ["440199001"],
            Description = "今夜有强降雨，明晨生效的暴雨蓝色预警。",
            Effective = now.AddSeconds(6),
        });
        var later = await PublishScheduledAsync(services, laterContent);
        var red = await WarningIssuing.PublishAsync(services, WarningIssuing.Compose(services, new WarningDraft
        {
            EventType = "11B03",
            Level = WarningLevel.Red,
            AreaCodes = ["440199"],
            Description = "特大暴雨红色预警，请立即避险。",
        }), Token);
        var redContent = (await services.GetRequiredService<WarningService>().GetAsync(red.ThreadId, Token)).Thread.Current!.Content;
        var repeatAudience = services.GetRequiredService<WarningService>().Preview(redContent).ByChannel
            .Where(c => c.Key is "led" or "broadcast").Sum(c => c.Value);

        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        while (!Output(first, second).Contains($"Repeat round 3 of {red.VersionId}", StringComparison.Ordinal))
        {
            Assert.False(first.HasExited || second.HasExited, $"a worker exited:\n{Output(first, second)}");
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"the third repeat round did not come within 2 minutes:\n{Output(first, second)}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Token);
        }

        var output = Output(first, second);
        var sends = SendsByVersion();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', output.Split('\n')
            .Where(l => l.Contains("Expiry of", StringComparison.Ordinal) || l.Contains("Scheduled publication", StringComparison.Ordinal)
                || l.Contains("Repeat round", StringComparison.Ordinal))));

        // Expiry: one firing on one node, which expired the thread once.
        Assert.Equal([$"Expiry of thread {expiring.ThreadId}"], Fired(output, $@"Expiry of thread {expiring.ThreadId}(?= on process \d+: True)"));
        Assert.Single(Fired(output, $"Expiry of thread {expiring.ThreadId}"));
        Assert.Equal(WarningThreadState.Expired, (await services.GetRequiredService<WarningService>().GetAsync(expiring.ThreadId, Token)).Thread.State);
        Assert.Single(await services.GetRequiredService<IAuditStore>().GetActionLogAsync(0, Token),
            e => e.Action == "expire" && e.Target.StartsWith(expiring.ThreadId, StringComparison.Ordinal));

        // Scheduled publication: started once, and its audience got it once each.
        Assert.Single(Fired(output, $@"Scheduled publication of {later.VersionId} on process \d+: True"));
        Assert.Single(Fired(output, $"Scheduled publication of {later.VersionId}"));
        var laterAudience = services.GetRequiredService<WarningService>().Preview(laterContent).ByChannel["sms"];
        var laterSends = sends.GetValueOrDefault(later.VersionId) ?? [];
        Assert.Equal(laterAudience, laterSends.Count);
        Assert.Equal(laterAudience, laterSends.Distinct(StringComparer.Ordinal).Count());

        // Repeat: rounds 1 and 2 each fired once and reached every display and loudspeaker once.
        Assert.True(repeatAudience > 0, "the Red warning has no LED or broadcast recipients to repeat to");
        foreach (var round in new[] { 1, 2 })
        {
            Assert.Single(Fired(output, $@"Repeat round {round} of {red.VersionId} "));
            var roundSends = sends.GetValueOrDefault($"{red.VersionId}#r{round}") ?? [];
            Assert.Equal(repeatAudience, roundSends.Count);
            Assert.Equal(repeatAudience, roundSends.Distinct(StringComparer.Ordinal).Count());
        }
    }

    /// <summary>Releases a version whose effective time is ahead: it is signed off and recorded now, and sends nothing yet.</summary>
    private static async Task<(string ThreadId, string VersionId)> PublishScheduledAsync(IServiceProvider services, WarningMessage content)
    {
        var service = services.GetRequiredService<WarningService>();
        var created = await service.CreateAsync(WarningIssuing.Drafter, content, Token);
        var id = created.Thread.ThreadId;
        await service.SubmitAsync(WarningIssuing.Drafter, id, Token);
        await service.ApproveAsync(WarningIssuing.Approver, id, null, Token);
        var (thread, progress) = await service.PublishAsync(WarningIssuing.Drafter, id, Token);
        Assert.Equal(PublicationState.Scheduled, progress.State);
        Assert.Equal(WarningThreadState.Active, thread.Thread.State);
        return (id, progress.VersionId);
    }

    private static List<string> Fired(string output, string pattern) =>
        [.. Regex.Matches(output, pattern).Select(m => m.Value)];

    private static string Output(WorkerProcess first, WorkerProcess second) => first.Output + "\n" + second.Output;

    /// <summary>The "version,channel,recipient" lines of every process's send log, grouped by version (a repeat round is "{version}#r{n}").</summary>
    private Dictionary<string, List<string>> SendsByVersion()
    {
        var sends = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(_servers!.SendLogs, "sends-*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            foreach (var line in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var version = line[..line.IndexOf(',', StringComparison.Ordinal)];
                (sends.TryGetValue(version, out var list) ? list : sends[version] = []).Add(line[(version.Length + 1)..]);
            }
        }
        return sends;
    }

    private Dictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Warning:Store:Provider"] = "postgres",
        ["Warning:Store:ConnectionString"] = _servers!.ConnectionString,
        ["Warning:Redis"] = RedisServer.Configuration,
        ["Warning:Jobs:Runner"] = "hangfire",
        ["Warning:Jobs:Storage"] = "postgres",
        ["Warning:Jobs:ConnectionString"] = _servers!.ConnectionString,
        ["Warning:Schedule:Store"] = "postgres",
        ["Warning:Schedule:ConnectionString"] = _servers!.ConnectionString,
        ["Warning:Schedule:IdleWaitTime"] = "00:00:01",
        ["Warning:Schedule:CheckinInterval"] = "00:00:02",
        ["Warning:Schedule:RepeatBroadcastInterval"] = RepeatInterval.ToString("c", CultureInfo.InvariantCulture),
        ["Warning:Directory:DemoPeople"] = "5000",
        ["Warning:SandboxSendLog"] = _servers!.SendLogs,
    }.WithOnlySandbox("sms", "led", "broadcast");

    /// <summary>The releasing node: writes schedules into the shared store and leaves their firing to the workers.</summary>
    private sealed class AdminNode(Dictionary<string, string> settings) : WarningAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))) { ["Warning:Role"] = "admin" };
    }
}
