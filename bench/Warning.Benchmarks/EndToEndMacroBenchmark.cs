using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Warning.Benchmarks;

/// <summary>
/// The whole product, timed from outside (issue 13): the real host on config/peers.json (its own process, the Release
/// build of src/Admin) against the local peers of scripts/peers.sh; a Red warning for the whole demo district is
/// drafted (API key), approved and published (a second user), and the progress API is polled: per channel, the time
/// from 发布 to the last recipient accepted by its peer and to the last receipt or device ack in the audit store.
///   e2e [--people N] [--polls-ms M]
/// Exits non-zero unless every channel accepted every recipient.
/// </summary>
internal static partial class EndToEndMacroBenchmark
{
    private static readonly string[] WholeDistrict = ["440199"];

    public static async Task<int> RunAsync(string[] args)
    {
        var people = Option(args, "--people", 20_000);
        var pollMs = Option(args, "--polls-ms", 50);
        var root = FindRoot();
        Run(root, "bash", "scripts/peers.sh", "start");
        var dll = Path.Combine(root, "artifacts", "bin", "Warning.Admin", "release", "Warning.Admin.dll");
        Run(root, "dotnet", "build", "-c", "Release", "src/Admin", "--nologo", "-v", "quiet");
        var folder = Directory.CreateTempSubdirectory("warning-e2e-bench-").FullName;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var host = StartHost(root, dll, folder, address, people);
        try
        {
            using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var http = new HttpClient(cookies) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            await WaitUpAsync(http, host);
            var users = File.ReadAllLines(Path.Combine(folder, "data", "demo-users.txt")).Where(l => !l.StartsWith('#'))
                .Select(l => l.Split(' ')).ToDictionary(f => f[0], f => f[1]);

            var created = await PostAsync(http, "api/warnings", users["apikey"], null, new
            {
                eventType = "11B03",
                level = "Red",
                areaCodes = WholeDistrict,
                description = $"端到端基准：全区将出现特大暴雨，请立即转移（{Guid.NewGuid():N}）。",
            });
            var id = created.GetProperty("id").GetString()!;
            await PostAsync(http, $"api/warnings/{id}/submit", users["apikey"], null, new { });
            var csrf = await SignInAsync(http, "duty", users["duty"], id);
            await PostAsync(http, $"api/warnings/{id}/approve", null, csrf, new { });

            var clock = Stopwatch.StartNew();
            var published = await PostAsync(http, $"api/warnings/{id}/publish", null, csrf, new { });
            var versionId = published.GetProperty("progress").GetProperty("versionId").GetString()!;
            var timings = await PollAsync(http, id, versionId, clock, pollMs);
            Report(people, timings);
            return timings.All(t => t.Accepted is not null) ? 0 : 1;
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            host.WaitForExit(10_000);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // the killed host's files: the temp folder is the OS's to clean
            }
        }
    }

    private sealed record ChannelTiming(string Channel, long Targeted, TimeSpan? Accepted, TimeSpan? Confirmed, long Delivered);

    /// <summary>Until every channel accepted everyone and no receipt or ack came for 10 s (or 5 minutes passed).</summary>
    private static async Task<List<ChannelTiming>> PollAsync(HttpClient http, string id, string versionId, Stopwatch clock, int pollMs)
    {
        var timings = new Dictionary<string, ChannelTiming>(StringComparer.Ordinal);
        var lastChange = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync($"api/warnings/{id}/versions/{versionId}/progress"));
            foreach (var c in json.RootElement.GetProperty("channels").EnumerateArray())
            {
                var name = c.GetProperty("channel").GetString()!;
                var targeted = c.GetProperty("targeted").GetInt64();
                var done = c.GetProperty("done").GetInt64();
                var delivered = c.GetProperty("delivered").GetInt64();
                var before = timings.GetValueOrDefault(name) ?? new ChannelTiming(name, targeted, null, null, 0);
                var now = before with
                {
                    Targeted = targeted,
                    Accepted = before.Accepted ?? (done >= targeted && targeted > 0 ? clock.Elapsed : null),
                    Confirmed = delivered > before.Delivered ? clock.Elapsed : before.Confirmed,
                    Delivered = delivered,
                };
                if (now != before)
                {
                    lastChange = clock.Elapsed;
                }
                timings[name] = now;
            }
            var accepted = timings.Count > 0 && timings.Values.All(t => t.Accepted is not null);
            if (accepted && clock.Elapsed - lastChange > TimeSpan.FromSeconds(10))
            {
                break;
            }
            await Task.Delay(pollMs);
        }
        return [.. timings.Values.OrderBy(t => t.Channel, StringComparer.Ordinal)];
    }

    private static void Report(int people, List<ChannelTiming> timings)
    {
        foreach (var t in timings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"benchmark\":\"e2e\",\"people\":{people},\"channel\":\"{t.Channel}\",\"targeted\":{t.Targeted},\"acceptedSeconds\":{Seconds(t.Accepted)},\"delivered\":{t.Delivered},\"lastReceiptSeconds\":{Seconds(t.Confirmed)}}}"));
        }
        var slowest = timings.Where(t => t.Accepted is not null).MaxBy(t => t.Accepted);
        if (slowest is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"slowest to accept: {slowest.Channel} ({slowest.Targeted} recipients, {slowest.Accepted!.Value.TotalSeconds:0.00} s)"));
        }
    }

    private static string Seconds(TimeSpan? time) =>
        time is { } t ? t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) : "null";

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string? apiKey, string? csrf, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary>Signs in with the console's form and returns the antiforgery token the API wants with the cookie.</summary>
    private static async Task<string> SignInAsync(HttpClient http, string user, string password, string threadId)
    {
        var form = await http.GetStringAsync("account/login");
        var fields = new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password };
        if (Token().Match(form) is { Success: true } token)
        {
            fields["__RequestVerificationToken"] = token.Groups[1].Value;
        }
        using var content = new FormUrlEncodedContent(fields);
        using var signedIn = await http.PostAsync("account/login", content);
        var page = await http.GetStringAsync($"warnings/{threadId}");
        return Token().Match(page) is { Success: true } csrf
            ? csrf.Groups[1].Value
            : throw new InvalidOperationException("no antiforgery token on the warning page: sign-in failed?");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static Process StartHost(string root, string dll, string folder, Uri address, int people)
    {
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["WARNING_PROFILE"] = "peers";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(root, "src", "Admin");
        info.Environment["WARNING_Urls"] = address.ToString().TrimEnd('/');
        info.Environment["WARNING_Warning__Directory__DemoPeople"] = people.ToString(CultureInfo.InvariantCulture);
        info.Environment["WARNING_Warning__Acknowledgement__Enabled"] = "false"; // the warning itself, not 叫应 requests
        info.Environment["WARNING_Warning__Schedule__RepeatBroadcastInterval"] = "00:00:00";
        info.Environment["WARNING_Warning__Channels__BroadcastPlatform__PrivateKeyFile"] = Path.Combine(root, ".peers", "ebd-keys", "sender.key.pem");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUpAsync(HttpClient http, Process host)
    {
        for (var i = 0; i < 600; i++)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"the peers host exited with {host.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the peers host did not answer /health within 60 s");
    }

    private static void Run(string folder, string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Warning.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Warning.sln not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
