using System.Net.Http.Json;
using System.Text.Json;
using Warning.Channels.Tests.Support;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.Email;

/// <summary>
/// maildev (npm, tests/peers/email), a real SMTP server, started on free loopback ports for this test class;
/// messages are read back through its HTTP API (GET /api/email).
/// </summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private NodePeer? _peer;
    private string? _failure;

    public int SmtpPort { get; private set; }

    public Uri ApiUrl { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        SmtpPort = NodePeer.FreePort();
        var webPort = NodePeer.FreePort();
        ApiUrl = new Uri($"http://127.0.0.1:{webPort}/");
        string[] arguments =
        [
            "node_modules/maildev/dist/bin/maildev.js", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
            "--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        (_peer, _, _failure) = await NodePeer.StartAsync("email", arguments, line => line.Contains("API running", StringComparison.Ordinal), CancellationToken.None);
    }

    /// <summary>Call first in every test: skips (or fails under CI) when maildev could not be started.</summary>
    public void RequirePeer()
    {
        if (_peer is null)
        {
            TestServers.Unavailable($"maildev: {_failure}");
        }
    }

    /// <summary>Every message maildev holds, as its API returns them.</summary>
    public async Task<JsonElement[]> MessagesAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = ApiUrl };
        return await http.GetFromJsonAsync<JsonElement[]>("api/email", cancellationToken) ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }
}
