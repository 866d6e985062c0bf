using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Warning.Admin.Accounts;
using Warning.Admin.Tests.Support;

namespace Warning.Admin.Tests.Web;

public sealed class ProgressTests(WarningAppFactory factory) : IClassFixture<WarningAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProgressStream_PublishedVersion_SendsProgressEventsUntilEnd()
    {
        using var drafter = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsRead,
            ApiScopes.WarningsPublish);
        using var approver = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsApprove);
        using var created = await drafter.PostAsJsonAsync("/api/warnings", ApiClients.Draft("Yellow", areas: ["440199005"]), Ct);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        (await drafter.PostAsync($"/api/warnings/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await approver.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "同意" }, Ct)).EnsureSuccessStatusCode();
        (await drafter.PostAsync($"/api/warnings/{id}/publish", null, Ct)).EnsureSuccessStatusCode();

        using var response = await drafter.GetAsync($"/api/warnings/{id}/versions/{id}/progress/stream",
            HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct); // the stream ends by itself once the fan-out completes
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event: progress\ndata: ", events[0], StringComparison.Ordinal);
        Assert.Equal("event: end\ndata: {}", events[^1]);
        var last = JsonDocument.Parse(events[^2]["event: progress\ndata: ".Length..]).RootElement;
        Assert.Equal("Completed", last.GetProperty("progress").GetProperty("state").GetString());
        Assert.Equal(100, last.GetProperty("progress").GetProperty("percent").GetDouble());
        Assert.True(last.TryGetProperty("at", out _));
    }

    /// <summary>Polls the progress of a version until its fan-out ends (bounded: at most a minute).</summary>
    internal static async Task<JsonElement> WaitForCompletionAsync(HttpClient client, string threadId, string versionId)
    {
        for (var i = 0; i < 300; i++)
        {
            using var response = await client.GetAsync($"/api/warnings/{threadId}/versions/{versionId}/progress", Ct);
            var progress = await response.JsonAsync();
            if (progress.GetProperty("state").GetString() is "Completed" or "Failed")
            {
                return progress;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Ct);
        }
        throw new TimeoutException($"the fan-out of {versionId} did not end within a minute");
    }
}
