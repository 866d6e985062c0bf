using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warning.Engine.Persistence;

namespace Warning.Admin.Tests.Browser;

/// <summary>
/// The main flow of issue 7 in a real browser: sign in → draft a Red rainstorm warning for two streets (one picked
/// on the SVG map, one in the region tree) → a second user approves → publish → every sandbox channel reaches
/// 100 % live → update to Orange → cancel → the auditor finds every delivery and the action log verifies.
/// Screenshots of the main pages go to artifacts/screenshots/.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ConsoleFlowBrowserTests(BrowserAppFactory factory) : IClassFixture<BrowserAppFactory>, IAsyncLifetime
{
    private static readonly PageWaitForSelectorOptions LongWait = new() { Timeout = 60_000 };
    private readonly string _screenshots = Chromium.ScreenshotFolder();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    [Fact]
    public async Task SignOffFlow_RedToOrangeToCancel_IsDeliveredAndAudited()
    {
        var drafter = await SignInAsync("drafter");
        var approver = await SignInAsync("approver");

        await drafter.GotoAsync("/warnings/new");
        await drafter.SelectOptionAsync("#event-type", "11B03");
        await drafter.CheckAsync("#level-red");
        await drafter.FillAsync("#description", "受强对流云团影响，预计未来3小时云岭、松涛街道将出现100毫米以上降雨。");
        await drafter.Locator("#map-440199001").ClickAsync(); // the map …
        await drafter.CheckAsync("#area-440199002");          // … and the tree edit the same selection
        Assert.Contains("暴雨红色预警", await drafter.Locator("#headline-preview").TextContentAsync(), StringComparison.Ordinal);
        await drafter.ClickAsync("#preview-button");
        await drafter.WaitForSelectorAsync("#preview");
        Assert.True(await drafter.IsCheckedAsync("#area-440199001"));
        await ShotAsync(drafter, "02-new-warning-preview");
        await drafter.ClickAsync("#submit-button");
        await drafter.WaitForSelectorAsync("#pending");
        var threadUrl = new Uri(drafter.Url).AbsolutePath;
        var threadId = threadUrl["/warnings/".Length..];
        Assert.Contains("待审核", await drafter.Locator("#pending-state").TextContentAsync(), StringComparison.Ordinal);
        await ShotAsync(drafter, "03-submitted");

        await ApproveAndPublishAsync(drafter, approver, threadUrl, "同意发布红色预警");
        await ShotAsync(drafter, "05-live-delivery");

        await drafter.ClickAsync("#update-link");
        await drafter.CheckAsync("#level-orange");
        await drafter.FillAsync("#description", "降雨减弱，调整为暴雨橙色预警。");
        await drafter.ClickAsync("#submit-button");
        await drafter.WaitForSelectorAsync("#pending");
        await ApproveAndPublishAsync(drafter, approver, threadUrl, "同意降级为橙色");
        Assert.Contains("橙色", await drafter.Locator("#thread-headline").TextContentAsync(), StringComparison.Ordinal);

        await drafter.FillAsync("#cancel-reason", "降雨已结束，解除预警。");
        await drafter.ClickAsync("#cancel-step");
        await drafter.WaitForSelectorAsync("#submit-step");
        await drafter.ClickAsync("#submit-step");
        await drafter.WaitForSelectorAsync("#pending-state");
        await ApproveAndPublishAsync(drafter, approver, threadUrl, "同意解除");
        Assert.Equal("已解除", await drafter.Locator("#thread-state").TextContentAsync());
        await ShotAsync(drafter, "06-cancelled");

        var expected = await StoredDeliveriesAsync(threadId);
        Assert.True(expected > 0);
        var auditor = await SignInAsync("auditor");
        await auditor.GotoAsync("/audit");
        await auditor.FillAsync("#q-warning", threadId);
        await auditor.ClickAsync("#search-button");
        await auditor.WaitForSelectorAsync("#deliveries");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await auditor.Locator("#result-count").TextContentAsync());
        await auditor.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "07-audit-search.png") }); // the first screen: 500 rows follow
        var csv = await auditor.APIRequest.GetAsync(await auditor.Locator("#csv-link").GetAttributeAsync("href") ?? "");
        Assert.Equal(expected + 1, (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        await auditor.GotoAsync(threadUrl);
        await auditor.ClickAsync("text=版本报告");
        await auditor.WaitForSelectorAsync("#r-coverage");
        await ShotAsync(auditor, "08-version-report");
        await auditor.GotoAsync("/audit/actions");
        Assert.Equal("true", await auditor.Locator("#chain-status").GetAttributeAsync("data-verified"));
        await ShotAsync(auditor, "09-action-log");

        var visitor = await (await _browser!.NewContextAsync(new() { BaseURL = factory.Address.ToString() })).NewPageAsync();
        await visitor.GotoAsync($"/w/{threadId}");
        Assert.Contains("解除", await visitor.Locator("#public-headline").TextContentAsync(), StringComparison.Ordinal);
        await ShotAsync(visitor, "10-public-page");
    }

    private async Task ApproveAndPublishAsync(IPage drafter, IPage approver, string threadUrl, string comment)
    {
        await approver.GotoAsync(threadUrl);
        await approver.FillAsync("#comment", comment);
        await approver.ClickAsync("#approve-step");
        await approver.WaitForSelectorAsync("#publish-step");
        await ShotAsync(approver, "04-approved");
        await drafter.GotoAsync(threadUrl);
        await drafter.ClickAsync("#publish-step");
        // The bars follow Server-Sent Events without a reload: wait for the stream to report the end.
        await drafter.WaitForSelectorAsync("#live[data-state='Completed']", LongWait);
        Assert.Equal("100", await drafter.Locator("#progress-percent").TextContentAsync());
        foreach (var bar in await drafter.Locator("#progress-table progress").AllAsync())
        {
            Assert.Equal(100, await bar.EvaluateAsync<double>("b => b.value"));
        }
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = factory.Address.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", await factory.DemoSecretAsync(user));
        if (user == "drafter")
        {
            await ShotAsync(page, "01-sign-in");
        }
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(new Regex("/$"));
        return page;
    }

    private async Task<long> StoredDeliveriesAsync(string threadId)
    {
        var audit = factory.Services.GetRequiredService<IAuditStore>();
        var service = factory.Services.GetRequiredService<Engine.Issuing.WarningService>();
        var thread = (await service.GetAsync(threadId, TestContext.Current.CancellationToken)).Thread;
        long count = 0;
        foreach (var version in thread.Versions.Where(v => v.State == Engine.Lifecycle.VersionState.Published))
        {
            await foreach (var _ in audit.StreamDeliveriesAsync(version.Id, AuditFilter.None, TestContext.Current.CancellationToken))
            {
                count++;
            }
        }
        return count;
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
}
