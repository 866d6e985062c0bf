using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Warning.Admin.Tests.Support;

namespace Warning.Admin.Tests.Endpoints;

public sealed class CapEndpointsTests(WarningAppFactory factory) : IClassFixture<WarningAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_Embedded_ReportsOkAndProfile()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("embedded", body.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task Validate_ValidCap_ReturnsParsedWarning()
    {
        var json = await PostAsync("/api/cap/validate", Sample("thunderstorm.cap"), HttpStatusCode.OK);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("Cap12", json.GetProperty("dialect").GetString());
        Assert.Equal("Actual", json.GetProperty("warning").GetProperty("status").GetString());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Validate_MissingScope_ListsTheMissingElement()
    {
        var json = await PostAsync("/api/cap/validate", Sample("invalid.cap"), HttpStatusCode.OK);
        Assert.False(json.GetProperty("valid").GetBoolean());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("/alert/scope", error.GetProperty("path").GetString());
        Assert.Equal("MissingElement", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_Xxe_IsRefusedAsUnsafe()
    {
        var json = await PostAsync("/api/cap/validate", Sample("xee.cap"), HttpStatusCode.OK);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("UnsafeXml", json.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_OversizeBody_Returns413()
    {
        var huge = "<alert>" + new string(' ', 5 * 1024 * 1024) + "</alert>";
        var json = await PostAsync("/api/cap/validate", huge, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("TooLarge", json.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Convert_12379ToCapAndBack_KeepsIdentifierAndEventType()
    {
        var ct = TestContext.Current.CancellationToken;
        using var toCap = await _client.PostAsync("/api/cap/convert", Xml(Sample("rainstorm-update.xml", "gb12379")), ct);
        Assert.Equal(HttpStatusCode.OK, toCap.StatusCode);
        var cap = await toCap.Content.ReadAsStringAsync(ct);
        Assert.Contains("urn:oasis:names:tc:emergency:cap:1.2", cap, StringComparison.Ordinal);

        using var toGb = await _client.PostAsync("/api/cap/convert?to=12379", Xml(cap), ct);
        Assert.Equal(HttpStatusCode.OK, toGb.StatusCode);
        var gb = await toGb.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("urn:oasis", gb, StringComparison.Ordinal);
        Assert.Contains("<eventType>11B03</eventType>", gb, StringComparison.Ordinal);
        Assert.Contains("<severity>Orange</severity>", gb, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_ForeignCapWithoutEventType_Returns422NamingTheGap()
    {
        var json = await PostAsync("/api/cap/convert?to=12379", Sample("thunderstorm.cap"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(json.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("path").GetString() == "/alert/info[1]/eventType");
    }

    [Fact]
    public async Task Convert_InvalidInput_Returns422WithIssues()
    {
        var json = await PostAsync("/api/cap/convert?to=12379", Sample("invalid.cap"), HttpStatusCode.UnprocessableEntity);
        Assert.False(json.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Convert_UnknownTarget_Returns400()
    {
        using var response = await _client.PostAsync("/api/cap/convert?to=json", Xml(Sample("thunderstorm.cap")),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> PostAsync(string url, string xml, HttpStatusCode expected)
    {
        using var response = await _client.PostAsync(url, Xml(xml), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private static string Sample(string name, string folder = "cap") =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", folder, name));
}
