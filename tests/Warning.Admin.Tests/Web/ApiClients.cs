using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Accounts;
using Warning.Admin.Tests.Support;

namespace Warning.Admin.Tests.Web;

/// <summary>Machine clients with API keys made for a test, and the JSON bodies the API takes.</summary>
internal static class ApiClients
{
    public static async Task<HttpClient> WithKeyAsync(WarningAppFactory factory, string department, params string[] scopes)
    {
        var accounts = factory.Services.GetRequiredService<AccountService>();
        var (_, key) = await accounts.CreateApiKeyAsync("test-" + Guid.NewGuid().ToString("N")[..6], department, scopes, "test",
            TestContext.Current.CancellationToken);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static object Draft(string level = "Red", string eventType = "11B03", string[]? areas = null, string description = "预计未来3小时将出现100毫米以上降雨。",
        string status = "Actual", Dictionary<string, string>? texts = null, string[]? channels = null) => new
        {
            eventType,
            level,
            areaCodes = areas ?? ["440199001", "440199002"],
            description,
            status,
            channels = channels ?? [],
            channelTexts = texts ?? new Dictionary<string, string>(),
        };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
