using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Accounts;
using Warning.Admin.Tests.Support;
using Warning.Engine.Audience;
using Warning.Engine.Persistence;

namespace Warning.Admin.Tests.Web;

public sealed class ConsolePageTests(WarningAppFactory factory) : IClassFixture<WarningAppFactory>
{
    private const string Script = "<script>alert('xss')</script>";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnyPage_Answer_CarriesSecurityHeaders()
    {
        var session = ConsoleSession.Anonymous(factory);
        using var response = await session.Client.GetAsync("/account/login", Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task WarningList_Anonymous_RedirectsToSignIn()
    {
        using var response = await ConsoleSession.Anonymous(factory).Client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DemoUser_OpensTheWarningListWithAHttpOnlyStrictCookie()
    {
        var session = ConsoleSession.Anonymous(factory);
        using var response = await session.PostFormAsync("/account/login", "/account/login",
            new() { ["UserName"] = "drafter", ["Password"] = await factory.DemoSecretAsync("drafter") }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("warning.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("预警列表", await session.GetPageAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var session = ConsoleSession.Anonymous(factory);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "drafter",
            ["Password"] = await factory.DemoSecretAsync("drafter"),
        });
        using var response = await session.Client.PostAsync("/account/login", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var session = ConsoleSession.Anonymous(factory);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await session.PostFormAsync("/account/login", "/account/login",
                new() { ["UserName"] = "auditor", ["Password"] = "wrong-" + i }, Ct);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await session.PostFormAsync("/account/login", "/account/login",
            new() { ["UserName"] = "auditor", ["Password"] = await factory.DemoSecretAsync("auditor") }, Ct);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("锁定", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Yellow", "11B03", "440199002", "不在本部门辖区内")] // another street
    [InlineData("Yellow", "12A03", "440199001", "事件类型")] // fire: not a met or hydrological type
    [InlineData("Red", "11B03", "440199001", "最高级别")] // the street office issues up to Yellow
    public async Task NewWarningPage_StreetOfficeOutsideItsJurisdiction_ShowsTheRefusal(string level, string eventType, string area, string reason)
    {
        var session = await ConsoleSession.SignInAsync(factory, "street", Ct);
        using var response = await session.PostFormAsync("/warnings/new", "/warnings/new?handler=Create", new()
        {
            ["Form.EventType"] = eventType,
            ["Form.Level"] = level,
            ["Form.Status"] = "Actual",
            ["Form.Description"] = "暴雨",
        }, Ct, [new("Form.AreaCodes", area)]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("超出云岭街道办事处的发布权限", page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailPage_DrafterApprovesOwnRedWarning_IsRefused()
    {
        var session = await ConsoleSession.SignInAsync(factory, "duty", Ct); // drafter and approver in one person
        using var created = await session.PostFormAsync("/warnings/new", "/warnings/new?handler=Create&submit=true", new()
        {
            ["Form.EventType"] = "11B03",
            ["Form.Level"] = "Red",
            ["Form.Status"] = "Actual",
            ["Form.Description"] = "特大暴雨",
        }, Ct, [new("Form.AreaCodes", "440199001")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detail = created.Headers.Location!.OriginalString;
        using var approve = await session.PostFormAsync(detail, detail + "?handler=Approve", new() { ["Comment"] = "同意" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("step-error", await approve.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewWarningForm_TakingEffectLater_IsScheduledAndTheDetailPageSaysSo()
    {
        var session = await ConsoleSession.SignInAsync(factory, "duty", Ct);
        var effective = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddHours(2);
        using var created = await session.PostFormAsync("/warnings/new", "/warnings/new?handler=Create&submit=true", new()
        {
            ["Form.EventType"] = "11B03",
            ["Form.Level"] = "Yellow",
            ["Form.Status"] = "Actual",
            ["Form.Description"] = "预计明晨强降雨",
            ["Form.ExpiresHours"] = "6",
            ["Form.EffectiveAt"] = effective.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        }, Ct, [new("Form.AreaCodes", "440199006")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        using var approver = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsApprove);
        (await approver.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "同意" }, Ct)).EnsureSuccessStatusCode();
        using var publisher = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsPublish,
            ApiScopes.WarningsRead);

        using var published = await publisher.PostAsync($"/api/warnings/{id}/publish", null, Ct);

        published.EnsureSuccessStatusCode();
        Assert.Equal("Scheduled", (await published.JsonAsync()).GetProperty("progress").GetProperty("state").GetString());
        var page = await session.GetPageAsync($"/warnings/{id}", Ct);
        Assert.Contains("已定时，生效时发送", page, StringComparison.Ordinal);
        var cap = XDocument.Parse(await ConsoleSession.Anonymous(factory).GetPageAsync($"/cap/{id}.xml", Ct));
        var written = DateTimeOffset.Parse(cap.Descendants().Single(e => e.Name.LocalName == "effective").Value, CultureInfo.InvariantCulture);
        Assert.Equal(effective.AddTicks(-(effective.Ticks % TimeSpan.TicksPerMinute)), written);
    }

    [Fact]
    public async Task ScriptInWarningText_IsShownAsTextOnEveryPage()
    {
        using var drafter = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsRead,
            ApiScopes.WarningsPublish);
        using var approver = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsApprove);
        var draft = ApiClients.Draft("Yellow", areas: ["440199006"], description: "强降雨" + Script, channels: ["sms"],
            texts: new() { ["sms"] = "短信" + Script });
        using var created = await drafter.PostAsJsonAsync("/api/warnings", draft, Ct);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        Assert.DoesNotContain("<script>", await created.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        (await drafter.PostAsync($"/api/warnings/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await approver.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "评论" + Script }, Ct)).EnsureSuccessStatusCode();
        (await drafter.PostAsync($"/api/warnings/{id}/publish", null, Ct)).EnsureSuccessStatusCode();

        var session = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        var pages = new[]
        {
            await session.GetPageAsync($"/warnings/{id}", Ct),
            await session.GetPageAsync("/", Ct),
            await session.GetPageAsync("/audit/actions", Ct),
            await ConsoleSession.Anonymous(factory).GetPageAsync($"/w/{id}", Ct),
        };
        foreach (var page in pages)
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        }
        Assert.Contains("&lt;script&gt;alert(", pages[0], StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", pages[3], StringComparison.Ordinal);

        var preview = await session.PostFormAsync("/warnings/new", "/warnings/new?handler=Preview", new()
        {
            ["Form.EventType"] = "11B03",
            ["Form.Level"] = "Yellow",
            ["Form.Status"] = "Actual",
            ["Form.Description"] = Script,
        }, Ct, [new("Form.AreaCodes", "440199006"), new("Form.Channels", "sms")]);
        var previewPage = await preview.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>alert", previewPage, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", previewPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_PolicyChannelWithoutAdapter_MarkedNotSentAndLeftOutOfTheTotal()
    {
        await using var host = new WithoutRobots();
        var session = await ConsoleSession.SignInAsync(host, "drafter", Ct);

        var preview = await session.PostFormAsync("/warnings/new", "/warnings/new?handler=Preview", new()
        {
            ["Form.EventType"] = "11B03",
            ["Form.Level"] = "Yellow",
            ["Form.Status"] = "Actual",
            ["Form.Description"] = "暴雨黄色预警",
        }, Ct, [new("Form.AreaCodes", "440199006")]);
        var page = await preview.Content.ReadAsStringAsync(Ct);

        // This host turns the WeCom robots off (Adapter = none); Yellow's policy names them, and the demo district has them.
        Assert.Matches("<span class=\"pill unavailable\"[^>]*>企业微信群机器人 [0-9,]+ （未配置）</span>", page);
        static int Number(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var sent = System.Text.RegularExpressions.Regex.Matches(page, "<span class=\"pill\">[^<]*? ([0-9,]+)</span>")
            .Sum(m => Number(m.Groups[1].Value));
        var total = Number(System.Text.RegularExpressions.Regex.Match(page, "id=\"preview-total\">([0-9,]+)<").Groups[1].Value);
        Assert.True(sent > 0);
        Assert.Equal(sent, total);
    }

    [Fact]
    public async Task PublicPageAndFeed_TestWarning_IsMarkedAndKeptOutOfTheFeed()
    {
        using var drafter = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsPublish);
        using var approver = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsApprove);
        using var created = await drafter.PostAsJsonAsync("/api/warnings",
            ApiClients.Draft("Blue", areas: ["440199007"], status: "Test", description: "系统测试"), Ct);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        (await drafter.PostAsync($"/api/warnings/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await approver.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "同意" }, Ct)).EnsureSuccessStatusCode();
        (await drafter.PostAsync($"/api/warnings/{id}/publish", null, Ct)).EnsureSuccessStatusCode();

        var anonymous = ConsoleSession.Anonymous(factory);
        Assert.Contains("【测试】", await anonymous.GetPageAsync($"/w/{id}", Ct), StringComparison.Ordinal);
        var feed = await anonymous.GetPageAsync("/feed/cap.atom", Ct);
        Assert.Contains("<feed", feed, StringComparison.Ordinal);
        Assert.DoesNotContain(id, feed, StringComparison.Ordinal);
        using var cap = await anonymous.Client.GetAsync($"/cap/{id}.xml", Ct);
        Assert.Equal(HttpStatusCode.NotFound, cap.StatusCode);
    }

    [Fact]
    public async Task ApiReference_SignedIn_ListsTheEndpointsAndServesOpenApi()
    {
        var session = await ConsoleSession.SignInAsync(factory, "drafter", Ct);
        var page = await session.GetPageAsync("/api-docs", Ct);
        Assert.Contains("/api/warnings/{id}/publish", page, StringComparison.Ordinal);
        var openApi = await session.GetPageAsync("/openapi/v1.json", Ct);
        Assert.Contains("\"/api/warnings\"", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryImport_BadRows_AreReportedAndGoodOnesImported()
    {
        var session = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        var page = await session.GetPageAsync("/directory", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("people"), "kind" },
            { new StringContent("id,name,phone,area\nimport-1,测试甲,13800000001,440199001001\nimport-2,测试乙,12,440199001001\n"), "file", "people.csv" },
        };
        using var response = await session.Client.PostAsync("/directory?handler=Import", form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("已导入 1 行，拒绝 1 行", result, StringComparison.Ordinal);
        Assert.Contains("rejected-rows", result, StringComparison.Ordinal);
        var log = await factory.Services.GetRequiredService<IAuditStore>().GetActionLogAsync(0, Ct);
        Assert.Contains(log, a => a.Action == "directory.import" && a.Actor == "admin" && a.Details!.Contains("\"rejected\":1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectoryImport_EndpointsKind_ImportsEndpointRows()
    {
        var session = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        var page = await session.GetPageAsync("/directory", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("endpoints"), "kind" },
            { new StringContent("id,channel,address,area,groups,subareas\nimport-robot,wecom-robot,import-room,440199,officials,yes\n"), "file", "endpoints.csv" },
        };
        using var response = await session.Client.PostAsync("/directory?handler=Import", form, Ct);

        Assert.Contains("已导入 1 行，拒绝 0 行", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var directory = factory.Services.GetRequiredService<DirectoryStore>().Current;
        Assert.True(directory.TryGetIndex("import-robot", out var index));
        Assert.True(directory.TryGetAddress(index, AudienceChannels.WeComRobot, out var name));
        Assert.Equal("import-room", name);
    }

    [Fact]
    public async Task DirectoryPage_Drafter_IsDenied()
    {
        var session = await ConsoleSession.SignInAsync(factory, "drafter", Ct);
        using var response = await session.Client.GetAsync("/directory", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The embedded host with the WeCom robot channel turned off.</summary>
    private sealed class WithoutRobots : WarningAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Warning:Channels:WeComRobot:Adapter"] = "none" };
    }
}
