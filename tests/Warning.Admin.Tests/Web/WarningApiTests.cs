using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Accounts;
using Warning.Admin.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Codecs;
using Warning.Engine.Issuing;

namespace Warning.Admin.Tests.Web;

public sealed class WarningApiTests(WarningAppFactory factory) : IClassFixture<WarningAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithoutCredentials_Returns401()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/warnings", ApiClients.Draft(), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_UnknownApiKey_Returns401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "wk_00000000_not-a-key");
        using var response = await client.GetAsync("/api/warnings", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_KeyWithoutWriteScope_Returns403()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsRead);
        using var response = await client.PostAsJsonAsync("/api/warnings", ApiClients.Draft(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Yellow", "11B03", "440199002", "不在本部门辖区内")] // another street
    [InlineData("Yellow", "12A03", "440199001", "事件类型")] // fire: not a met or hydrological type
    [InlineData("Orange", "11B03", "440199001", "最高级别")] // the street office issues up to Yellow
    public async Task Create_OutsideStreetOfficeJurisdiction_Returns403WithReason(string level, string eventType, string area, string reason)
    {
        using var client = await ApiClients.WithKeyAsync(factory, "yunling-street", ApiScopes.WarningsWrite, ApiScopes.WarningsRead);
        using var response = await client.PostAsJsonAsync("/api/warnings", ApiClients.Draft(level, eventType, [area]), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("OutsideJurisdiction", problem.GetProperty("error").GetString());
        Assert.Contains(reason, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InsideStreetOfficeJurisdiction_Returns201()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "yunling-street", ApiScopes.WarningsWrite);
        using var response = await client.PostAsJsonAsync("/api/warnings", ApiClients.Draft("Yellow", "11B03", ["440199001"]), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("/api/warnings/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_OwnRedWarning_Returns409TwoPersonRule()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsApprove);
        var id = await CreateAsync(client, ApiClients.Draft("Red"));
        (await client.PostAsync($"/api/warnings/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        using var response = await client.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "自己签发" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Lifecycle", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Approve_OwnBlueWarning_IsAllowed()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsApprove);
        var id = await CreateAsync(client, ApiClients.Draft("Blue"));
        (await client.PostAsync($"/api/warnings/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        using var response = await client.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "同意" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Publish_BeforeApproval_Returns409()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsPublish);
        var id = await CreateAsync(client, ApiClients.Draft("Yellow"));
        using var response = await client.PostAsync($"/api/warnings/{id}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownOrOtherDepartmentsWarning_Returns404()
    {
        using var ema = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsRead);
        using var street = await ApiClients.WithKeyAsync(factory, "yunling-street", ApiScopes.WarningsRead);
        var id = await CreateAsync(ema, ApiClients.Draft("Yellow"));
        Assert.Equal(HttpStatusCode.OK, (await ema.GetAsync($"/api/warnings/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/warnings/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ema.GetAsync("/api/warnings/44019900000000_20000101000000_9", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyAndBody_ReturnsTheSameThread()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsRead);
        var key = Guid.NewGuid().ToString();
        var first = await PostWithKeyAsync(client, "/api/warnings", ApiClients.Draft("Yellow"), key);
        var second = await PostWithKeyAsync(client, "/api/warnings", ApiClients.Draft("Yellow"), key);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.True(second.Replayed);
        using var list = await client.GetAsync("/api/warnings", Ct);
        var id = System.Text.Json.JsonDocument.Parse(first.Body).RootElement.GetProperty("id").GetString();
        Assert.Single((await list.JsonAsync()).EnumerateArray(), t => t.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyOtherBody_Returns422()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite);
        var key = Guid.NewGuid().ToString();
        var first = await PostWithKeyAsync(client, "/api/warnings", ApiClients.Draft("Yellow"), key);
        Assert.True(first.Status == HttpStatusCode.Created, first.Body);
        var other = await PostWithKeyAsync(client, "/api/warnings", ApiClients.Draft("Blue"), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
    }

    [Fact]
    public async Task Create_RefusedRequest_FreesItsIdempotencyKey()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite);
        var key = Guid.NewGuid().ToString();
        var refused = await PostWithKeyAsync(client, "/api/warnings", ApiClients.Draft("Yellow", "99X99"), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(HttpStatusCode.Created, (await PostWithKeyAsync(client, "/api/warnings", ApiClients.Draft("Yellow"), key)).Status);
    }

    [Fact]
    public async Task Create_CapXml_IsDraftedAsSent()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsRead);
        var composer = factory.Services.GetRequiredService<WarningComposer>();
        var department = factory.Services.GetRequiredService<IDepartmentDirectory>().Find("qinglan-ema")!;
        var message = composer.Compose(department, new WarningDraft
        {
            EventType = "11B06",
            Level = WarningLevel.Blue,
            AreaCodes = ["440199003"],
            Description = "预计阵风8级。",
        });
        using var content = new StringContent(CapWriter.Write(message), Encoding.UTF8, "application/cap+xml");
        using var response = await client.PostAsync("/api/warnings", content, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(message.Identifier, (await response.JsonAsync()).GetProperty("id").GetString());
        var xml = await client.GetStringAsync($"/api/warnings/{message.Identifier}?format=12379", Ct);
        Assert.Contains("<eventType>11B06</eventType>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_SubmitApprovePublish_ReachesEveryRecipientAndPublishReplays()
    {
        using var drafter = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsRead,
            ApiScopes.WarningsPublish, ApiScopes.AuditRead);
        using var approver = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsApprove, ApiScopes.WarningsRead);
        var id = await CreateAsync(drafter, ApiClients.Draft("Orange", areas: ["440199004"]));
        (await drafter.PostAsync($"/api/warnings/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await approver.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "同意发布" }, Ct)).EnsureSuccessStatusCode();
        var key = Guid.NewGuid().ToString();
        var published = await PostWithKeyAsync(drafter, $"/api/warnings/{id}/publish", null, key);
        Assert.Equal(HttpStatusCode.OK, published.Status);
        var replay = await PostWithKeyAsync(drafter, $"/api/warnings/{id}/publish", null, key);
        Assert.Equal(published.Body, replay.Body);

        var progress = await ProgressTests.WaitForCompletionAsync(drafter, id, id);
        Assert.Equal("Completed", progress.GetProperty("state").GetString());
        Assert.Equal(100, progress.GetProperty("percent").GetDouble());
        // The bulk writer flushes delivery rows a moment after the run completes: read the report once they are in.
        var targeted = progress.GetProperty("channels").EnumerateArray().Sum(c => c.GetProperty("targeted").GetInt64());
        var json = await ReportAsync(drafter, id);
        for (var i = 0; i < 100 && json.GetProperty("reached").GetInt64() < targeted; i++)
        {
            await Task.Delay(100, Ct);
            json = await ReportAsync(drafter, id);
        }
        Assert.True(json.GetProperty("targeted").GetInt64() > 0);
        Assert.Equal(json.GetProperty("targeted").GetInt64(), json.GetProperty("reached").GetInt64()); // sandbox: no receipts
        Assert.Equal(1.0, json.GetProperty("coverage").GetDouble());
        Assert.True(json.GetProperty("secondsTo90Percent").GetDouble() >= 0);
        Assert.Equal(json.GetProperty("reached").GetInt64(), json.GetProperty("curve").EnumerateArray().Last().GetProperty("cumulative").GetInt64());
    }

    private static async Task<string> CreateAsync(HttpClient client, object draft)
    {
        using var response = await client.PostAsJsonAsync("/api/warnings", draft, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string Body, bool Replayed)> PostWithKeyAsync(HttpClient client, string url, object? body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Headers.Contains("Idempotent-Replayed"));
    }

    private static async Task<System.Text.Json.JsonElement> ReportAsync(HttpClient client, string id)
    {
        using var report = await client.GetAsync($"/api/audit/warnings/{id}/versions/{id}/report", Ct);
        return await report.JsonAsync();
    }
}
