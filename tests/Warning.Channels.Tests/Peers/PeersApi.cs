using System.Text.Json.Nodes;

namespace Warning.Channels.Tests.Peers;

/// <summary>Reads the counts API as an end-to-end test would: over HTTP, as JSON.</summary>
internal static class PeersApi
{
    public static async Task<JsonObject> GetJsonAsync(this PeersServer server, string path, CancellationToken cancellationToken)
    {
        using var response = await server.Http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
    }

    /// <summary>GET /api/received, one channel's list.</summary>
    public static async Task<JsonObject[]> ReceivedAsync(this PeersServer server, string channel, CancellationToken cancellationToken) =>
        [.. (await server.GetJsonAsync("api/received", cancellationToken))[channel]!.AsArray().Select(m => m!.AsObject())];

    /// <summary>GET /api/devices, one device.</summary>
    public static async Task<JsonObject> DeviceAsync(this PeersServer server, string kind, string id, CancellationToken cancellationToken) =>
        (await server.GetJsonAsync("api/devices", cancellationToken))["devices"]!.AsArray()
            .Select(d => d!.AsObject()).Single(d => (string?)d["kind"] == kind && (string?)d["id"] == id);
}
