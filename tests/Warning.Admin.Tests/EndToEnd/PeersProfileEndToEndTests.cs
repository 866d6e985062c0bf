using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Warning.Admin.Tests.Browser;
using Warning.Admin.Tests.Durable;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Codecs;

namespace Warning.Admin.Tests.EndToEnd;

/// <summary>
/// Issue 13: the real host process on config/peers.json (the dll `dotnet run` builds, its own process, not an in-test
/// factory) against every real peer at once. A Red warning is drafted, approved and published in Chromium; each peer
/// receives exactly what the audience resolution says — computed here from the published CAP and the same demo
/// directory — once per recipient and channel; receipts and device acks come back into the audit store and the
/// console's progress; an Update changes what the signs show, and a Cancel clears every sign and stops every terminal.
/// 叫应 is off in this run so that the SMSC counts only the warning itself.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PeersProfileEndToEndTests : IAsyncLifetime
{
    private const int DemoPeople = 3000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("warning-peers-e2e-").FullName;
    private readonly string _screenshots = Chromium.ScreenshotFolder();
    private readonly int _port = FreePort();
    private LocalPeers? _peers;
    private WorkerProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private Uri Address => new($"http://127.0.0.1:{_port}/");

    public async ValueTask InitializeAsync()
    {
        _peers = await LocalPeers.StartAsync();
        _host = new WorkerProcess("peers-host", new Dictionary<string, string>
        {
            ["Urls"] = Address.ToString().TrimEnd('/'),
            ["Warning:Directory:DemoPeople"] = DemoPeople.ToString(CultureInfo.InvariantCulture),
            ["Warning:Acknowledgement:Enabled"] = "false",
            ["Warning:Channels:BroadcastPlatform:PrivateKeyFile"] = LocalPeers.BroadcastPlatformKey,
            ["Warning:Schedule:RepeatBroadcastInterval"] = "00:00:00",
        }, profile: "peers", role: null, sandboxChannels: false, workingDirectory: _folder,
            contentRoot: Path.Combine(LocalPeers.Root, "src", "Admin"));
        var started = await Task.WhenAny(_host.Started, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(started == _host.Started && !_host.HasExited, "the peers host did not start:\n" + _host.Output);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            // The host's own log next to the screenshots: what to read first when this test fails.
            await File.WriteAllTextAsync(Path.Combine(_screenshots, "e2e-host.log"), _host.Output);
            _host.Dispose();
        }
        _peers?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file the killed host still held: the temp folder is cleaned by the OS
        }
    }

    [Fact]
    public async Task PeersProfile_PublishUpdateCancel_EveryPeerReceivesExactlyTheResolvedAudience()
    {
        var drafter = await SignInAsync("drafter");
        var approver = await SignInAsync("approver");
        Assert.Equal("http://127.0.0.1:18080/", await drafter.Locator("#device-simulator-link").GetAttributeAsync("href"));

        await drafter.GotoAsync("/warnings/new");
        await drafter.SelectOptionAsync("#event-type", "11B03");
        await drafter.CheckAsync("#level-red");
        // A mark of this run in the text: the long-running peers keep what earlier runs sent.
        var run = Guid.NewGuid().ToString("N")[..8];
        await drafter.FillAsync("#description", $"端到端{run}：预计未来3小时云岭街道将出现100毫米以上降雨，请立即转移。");
        await drafter.CheckAsync("#area-440199001");
        await drafter.ClickAsync("#submit-button");
        await drafter.WaitForSelectorAsync("#pending");
        var threadUrl = new Uri(drafter.Url).AbsolutePath;
        var threadId = threadUrl["/warnings/".Length..];
        var alert = await ApproveAndPublishAsync(drafter, approver, threadUrl, threadId);

        var audience = Expected(alert);
        Assert.True(audience["sms"].Count > 0 && audience["led"].Count > 0 && audience["broadcast"].Count > 0,
            "the street has phones, signs and terminals to reach");
        await AssertEveryPeerReceivedAsync(threadId, alert, audience);
        await AssertReceiptsCameBackAsync(drafter, threadId, alert, audience);
        await ShotAsync(drafter, "e2e-01-published");

        await drafter.GotoAsync(threadUrl);
        await drafter.ClickAsync("#update-link");
        await drafter.FillAsync("#description", "端到端更新：雨势加强，云岭街道低洼处请立即撤离。");
        await drafter.ClickAsync("#submit-button");
        await drafter.WaitForSelectorAsync("#pending");
        var update = await ApproveAndPublishAsync(drafter, approver, threadUrl, threadId);
        await EventuallyAsync(async () => (await ShowingAsync(threadId)).All(d => d.VersionId == update.VersionId)
            && (await ShowingAsync(threadId)).Count == audience["led"].Count + audience["broadcast"].Count,
            "after the Update every sign shows and every terminal plays the new version");
        Assert.All((await ShowingAsync(threadId)).Where(d => d.Kind == "led"), d => Assert.Contains("撤离", d.Text, StringComparison.Ordinal));

        await drafter.FillAsync("#cancel-reason", "降雨已结束，解除预警。");
        await drafter.ClickAsync("#cancel-step");
        await drafter.WaitForSelectorAsync("#submit-step");
        await drafter.ClickAsync("#submit-step");
        await drafter.WaitForSelectorAsync("#pending-state");
        await ApproveAndPublishAsync(drafter, approver, threadUrl, threadId);
        await EventuallyAsync(async () => (await ShowingAsync(threadId)).Count == 0, "after the Cancel no sign shows and no terminal plays the thread");
        var devices = await _peers!.DevicesAsync();
        await ShotAsync(drafter, "e2e-02-cancelled");
        var page = await (await _browser!.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(LocalPeers.StandIns + "/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "e2e-03-device-simulator.png"), FullPage = true });
        Assert.NotEmpty(devices);
    }

    /// <summary>Per channel, the addresses the audience resolution gives for the published version.</summary>
    private static Dictionary<string, HashSet<string>> Expected((string VersionId, WarningMessage Message) alert)
    {
        var directory = DemoDistrict.Generate(2026, DemoPeople);
        var resolver = new AudienceResolver(new DirectoryStore(directory), new ChannelPolicy(new ChannelPolicyOptions()));
        var resolved = resolver.Resolve(alert.Message);
        var expected = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var channel in Support.ChannelSettings.Keys.Keys)
        {
            expected[channel] = [];
        }
        foreach (var audience in resolved.Channels)
        {
            foreach (var recipient in audience.Recipients.Recipients)
            {
                Assert.True(directory.TryGetAddress(recipient, audience.Channel, out var address));
                expected[audience.Channel].Add(address);
            }
        }
        return expected;
    }

    private async Task AssertEveryPeerReceivedAsync(string threadId, (string VersionId, WarningMessage Message) alert,
        Dictionary<string, HashSet<string>> expected)
    {
        var text = alert.Message.Infos[0].Description!;
        await EventuallyAsync(() => Task.FromResult(_peers!.Sms().Count(m => m.Text.Contains(text, StringComparison.Ordinal)) >= expected["sms"].Count),
            "the SMSC received every SMS");
        var sms = _peers!.Sms().Where(m => m.Text.Contains(text, StringComparison.Ordinal)).Select(m => m.Address).ToList();
        AssertExactlyOnce("sms", expected["sms"], sms);

        foreach (var channel in new[] { "led", "broadcast", "wechat", "wecom", "wecom-robot" })
        {
            await EventuallyAsync(async () => (await ReceivedForAsync(channel, threadId, alert.VersionId)).Count >= expected[channel].Count,
                $"the {channel} peer received every message");
            AssertExactlyOnce(channel, expected[channel], await ReceivedForAsync(channel, threadId, alert.VersionId));
        }

        // The platform names the message by its own EBM id and the region by 12-digit codes: matched by text and code.
        var regions = expected["broadcast-platform"].Select(TwelveDigits).ToHashSet();
        await EventuallyAsync(async () => (await PlatformReceivedAsync(text)).Count >= regions.Count, "the broadcast platform received every region");
        AssertExactlyOnce("broadcast-platform", regions, await PlatformReceivedAsync(text));

        await EventuallyAsync(async () => (await MailsForAsync(threadId)).Count >= expected["email"].Count, "maildev received every e-mail");
        AssertExactlyOnce("email", expected["email"], await MailsForAsync(threadId));

        var hooks = new List<string>();
        foreach (var subscriber in expected["webhook"])
        {
            hooks.AddRange((await _peers.WebhooksAsync(subscriber)).Where(d => d.GetRawText().Contains(threadId, StringComparison.Ordinal)).Select(_ => subscriber));
        }
        AssertExactlyOnce("webhook", expected["webhook"], hooks);
    }

    private static async Task AssertReceiptsCameBackAsync(IPage page, string threadId, (string VersionId, WarningMessage Message) alert,
        Dictionary<string, HashSet<string>> expected)
    {
        // SMSC delivery reports and device acks: into the audit store, and from there into the console's progress.
        foreach (var channel in new[] { "sms", "led", "broadcast" })
        {
            await EventuallyAsync(async () => await DeliveredAsync(page, threadId, alert.VersionId, channel) == expected[channel].Count,
                $"every {channel} receipt or ack is recorded as delivered");
        }
        await page.GotoAsync($"/warnings/{threadId}");
        await page.ClickAsync("text=版本报告");
        await page.WaitForSelectorAsync("#r-coverage");
    }

    private static async Task<long> DeliveredAsync(IPage page, string threadId, string versionId, string channel)
    {
        var response = await page.APIRequest.GetAsync($"/api/warnings/{threadId}/versions/{versionId}/progress");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("channels").EnumerateArray()
            .Where(c => c.GetProperty("channel").GetString() == channel)
            .Select(c => c.GetProperty("delivered").GetInt64()).FirstOrDefault();
    }

    private static void AssertExactlyOnce(string channel, HashSet<string> expected, IReadOnlyList<string> received)
    {
        var twice = received.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{channel}: received more than once: {string.Join(", ", twice.Take(5))}");
        Assert.True(expected.SetEquals(received),
            $"{channel}: expected {expected.Count}, received {received.Count}; missing {string.Join(", ", expected.Except(received).Take(5))}; " +
            $"unexpected {string.Join(", ", received.Except(expected).Take(5))}");
    }

    private async Task<List<string>> ReceivedForAsync(string channel, string threadId, string versionId) =>
        [.. (await _peers!.ReceivedAsync(channel))
            .Where(e => e.GetProperty("kind").GetString() is "display" or "play" or "send")
            .Where(e => Is(e, "version", versionId) || (e.GetProperty("version").ValueKind == JsonValueKind.Null && Is(e, "warning", threadId))
                || Is(e, "warning", versionId))
            .Select(e => e.GetProperty("recipient").GetString()!)];

    private async Task<List<string>> PlatformReceivedAsync(string text) =>
        [.. (await _peers!.ReceivedAsync("broadcast-platform"))
            .Where(e => e.GetProperty("kind").GetString() == "send" && e.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal))
            .Select(e => e.GetProperty("recipient").GetString()!)];

    private static string TwelveDigits(string areaCodes) =>
        string.Join(',', areaCodes.Split(',').Select(c => c.PadRight(12, '0')));

    private static bool Is(JsonElement e, string property, string value) =>
        e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() == value;

    private async Task<List<string>> MailsForAsync(string threadId) =>
        [.. (await _peers!.MailsAsync()).Where(m => m.GetRawText().Contains(threadId, StringComparison.Ordinal))
            .SelectMany(m => m.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()!))];

    /// <summary>Devices showing or playing a version of the thread now: (device kind, version, text).</summary>
    private async Task<List<(string Kind, string VersionId, string Text)>> ShowingAsync(string threadId) =>
        [.. (await _peers!.DevicesAsync()).SelectMany(d => d.GetProperty("active").EnumerateArray()
            .Where(a => a.GetProperty("threadId").GetString() == threadId)
            .Select(a => (d.GetProperty("kind").GetString()!, a.GetProperty("versionId").GetString()!,
                Shown(a))))];

    /// <summary>A terminal's text, or a sign's pages joined line after line (as the sign lays it out).</summary>
    private static string Shown(JsonElement active) =>
        active.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()!
        : active.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Array
            ? string.Concat(pages.EnumerateArray().SelectMany(p => p.EnumerateArray()).Select(l => l.GetString()))
            : "";

    /// <summary>Approves as the second user and publishes; returns the published version as its CAP says.</summary>
    private static async Task<(string VersionId, WarningMessage Message)> ApproveAndPublishAsync(IPage drafter, IPage approver, string threadUrl, string threadId)
    {
        await approver.GotoAsync(threadUrl);
        await approver.FillAsync("#comment", "同意");
        await approver.ClickAsync("#approve-step");
        await approver.WaitForSelectorAsync("#publish-step");
        await drafter.GotoAsync(threadUrl);
        await drafter.ClickAsync("#publish-step");
        try
        {
            await drafter.WaitForSelectorAsync("#live[data-state='Completed']", new() { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("the live progress never reported Completed; the page said: " + await drafter.Locator("main").InnerTextAsync());
        }
        var thread = await drafter.APIRequest.GetAsync($"/api/warnings/{threadId}");
        using var json = JsonDocument.Parse(await thread.TextAsync());
        var versionId = json.RootElement.GetProperty("currentVersionId").GetString()!;
        var cap = await drafter.APIRequest.GetAsync($"/cap/{versionId}.xml");
        var read = CapReader.Read(await cap.TextAsync());
        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => e.Message)));
        return (versionId, read.Message!);
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = Address.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", DemoSecret(user));
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(new Regex("/$"));
        return page;
    }

    private string DemoSecret(string user) =>
        File.ReadAllLines(Path.Combine(_folder, "data", "demo-users.txt")).Select(l => l.Split(' ')).First(f => f[0] == user)[1];

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, $"not within {Patience.TotalSeconds} s: {what}");
            await Task.Delay(250);
        }
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
