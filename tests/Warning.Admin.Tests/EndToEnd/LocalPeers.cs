using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.EndToEnd;

/// <summary>
/// The peers of the peers profile (scripts/peers.sh: the SMSC harness, the webhook receiver, Warning.Peers, with
/// maildev and mosquitto from services.sh), started when they are not up, and read back per channel: what each one
/// received, as (channel, address, message) triples.
/// </summary>
internal sealed class LocalPeers : IDisposable
{
    public const string StandIns = "http://127.0.0.1:18080";
    public const string Webhooks = "http://127.0.0.1:18090";
    public const string MailDev = "http://127.0.0.1:1080";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly long _smscLogStart;

    private LocalPeers(long smscLogStart) => _smscLogStart = smscLogStart;

    public static string Root => Support.RepositoryRoot.Path;

    public static string SmscLog => Path.Combine(Root, ".peers", "smsc.log");

    public static string BroadcastPlatformKey => Path.Combine(Root, ".peers", "ebd-keys", "sender.key.pem");

    /// <summary>Starts the peers unless all answer; what the SMSC logged before now is not counted.</summary>
    public static async Task<LocalPeers> StartAsync()
    {
        if (!AllUp())
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "peers.sh"), "start"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PEERS_NO_BUILD"] = File.Exists(PeersAssembly) ? "1" : "";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !AllUp())
            {
                TestServers.Unavailable($"the peers of the peers profile did not start (scripts/peers.sh start): {output}");
            }
        }
        return new LocalPeers(File.Exists(SmscLog) ? new FileInfo(SmscLog).Length : 0);
    }

    /// <summary>SMS the SMSC accepted since start: (destination, text), one per whole message (parts reassembled).</summary>
    public List<(string Address, string Text)> Sms()
    {
        using var stream = new FileStream(SmscLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_smscLogStart, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var messages = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("\"ev\":\"message\"", StringComparison.Ordinal))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            messages.Add((json.RootElement.GetProperty("dest").GetString()!, json.RootElement.GetProperty("text").GetString()!));
        }
        return messages;
    }

    /// <summary>The stand-ins' record for one channel (led, broadcast, wechat, wecom, wecom-robot, broadcast-platform).</summary>
    public async Task<List<JsonElement>> ReceivedAsync(string channel)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync($"{StandIns}/api/received"));
        return [.. json.RootElement.GetProperty(channel).EnumerateArray()
            .Where(e => !e.GetProperty("duplicate").GetBoolean())
            .Select(e => e.Clone())];
    }

    /// <summary>What each simulated device shows or plays now.</summary>
    public async Task<List<JsonElement>> DevicesAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync($"{StandIns}/api/devices"));
        return [.. json.RootElement.GetProperty("devices").EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Webhook deliveries to one subscriber whose signature verified.</summary>
    public async Task<List<JsonElement>> WebhooksAsync(string subscriber)
    {
        var all = await _http.GetFromJsonAsync<List<JsonElement>>($"{Webhooks}/_deliveries/{subscriber}") ?? [];
        return [.. all.Where(d => d.TryGetProperty("verified", out var v) && v.ValueKind == JsonValueKind.True)];
    }

    /// <summary>Every e-mail in maildev's inbox.</summary>
    public async Task<List<JsonElement>> MailsAsync() =>
        await _http.GetFromJsonAsync<List<JsonElement>>($"{MailDev}/api/email") ?? [];

    public void Dispose() => _http.Dispose();

    private static string PeersAssembly =>
        Path.Combine(Path.GetDirectoryName(Durable.WorkerProcess.AdminAssembly)!, "..", "..", "Warning.Peers",
            Path.GetFileName(Path.GetDirectoryName(Durable.WorkerProcess.AdminAssembly)!), "Warning.Peers.dll");

    private static bool AllUp() => new[] { 2775, 18080, 18090, 1025, 1883 }.All(Answers);

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
