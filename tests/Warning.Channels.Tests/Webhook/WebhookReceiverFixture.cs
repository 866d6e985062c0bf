using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Warning.Channels.Tests.Support;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.Webhook;

/// <summary>
/// Our receiver script (tests/peers/webhook/receiver.js) on a free loopback port: it verifies every signature
/// with the npm standardwebhooks package, records each delivery, and answers with the status set per endpoint.
/// </summary>
public sealed class WebhookReceiverFixture : IAsyncLifetime
{
    private NodePeer? _peer;
    private string? _failure;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string Secret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public async ValueTask InitializeAsync()
    {
        (_peer, var line, _failure) = await NodePeer.StartAsync("webhook", ["receiver.js", "--port", "0"],
            l => l.StartsWith("listening ", StringComparison.Ordinal), CancellationToken.None);
        if (line is not null)
        {
            BaseUrl = new Uri($"http://127.0.0.1:{int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture)}/");
        }
    }

    public void RequirePeer()
    {
        if (_peer is null)
        {
            TestServers.Unavailable($"webhook receiver: {_failure}");
        }
    }

    public Uri HookUrl(string endpoint) => new(BaseUrl, $"hooks/{endpoint}");

    /// <summary>Creates (or resets the answer of) an endpoint that answers <paramref name="status"/> to good signatures.</summary>
    public async Task ConfigureAsync(string endpoint, int status, CancellationToken cancellationToken, string? secret = null)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        using var response = await http.PutAsJsonAsync($"_endpoints/{endpoint}", new { secret = secret ?? Secret, status }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The same, synchronously: contract suites build their adapters in a synchronous CreateSut.</summary>
    public void Configure(string endpoint, int status)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"_endpoints/{endpoint}") { Content = JsonContent.Create(new { secret = Secret, status }) };
        using var response = http.Send(request);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement[]> DeliveriesAsync(string endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        return await http.GetFromJsonAsync<JsonElement[]>($"_deliveries/{endpoint}", cancellationToken) ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }
}
