using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.Support;

/// <summary>
/// A real SMSC for the SMPP tests: node-smpp's server driven by tests/peers/smsc/smsc.js, one process per peer,
/// on a free loopback port. Its stdout is a stream of JSON events (bind, submit, reassembled message, …), its
/// stdin takes commands (throttle, stay silent, send a reply, drop connections). Node or the npm packages
/// missing: <see cref="TestServers.Unavailable"/> (scripts/services.sh installs them).
/// </summary>
internal sealed class SmscPeer : IAsyncDisposable
{
    public const string SystemId = "esme";
    public const string Password = "secret";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SmscPeer(Process process)
    {
        _process = process;
        _ = ReadEventsAsync();
    }

    public int Port { get; private set; }

    /// <summary>Starts a peer; <paramref name="port"/> 0 takes a free port, another value restarts on a known one.</summary>
    public static async Task<SmscPeer> StartAsync(int port = 0, bool quiet = false)
    {
        var (node, script, problem) = Locate();
        if (problem is not null)
        {
            TestServers.Unavailable(problem);
        }
        var start = new ProcessStartInfo(node!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        foreach (var argument in new[] { script!, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--system-id", SystemId, "--password", Password })
        {
            start.ArgumentList.Add(argument);
        }
        if (quiet)
        {
            start.ArgumentList.Add("--quiet");
        }
        var peer = new SmscPeer(Process.Start(start)!);
        var listening = await peer.WaitForAsync("listening");
        peer.Port = (int)listening["port"]!;
        return peer;
    }

    /// <summary>Node and the harness with its npm packages, or why they are not there.</summary>
    public static (string? Node, string? Script, string? Problem) Locate()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
        if (node is null)
        {
            return (null, null, "node is not installed (Debian package nodejs); run scripts/services.sh");
        }
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Warning.sln")))
        {
            root = root.Parent;
        }
        var folder = root is null ? null : Path.Combine(root.FullName, "tests", "peers", "smsc");
        if (folder is null || !Directory.Exists(Path.Combine(folder, "node_modules", "smpp")))
        {
            return (node, null, "the SMSC harness's npm packages are missing (npm ci in tests/peers/smsc); run scripts/services.sh");
        }
        return (node, Path.Combine(folder, "smsc.js"), null);
    }

    public async Task SendAsync(object command)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Events named <paramref name="ev"/> seen so far.</summary>
    public IReadOnlyList<JsonObject> Events(string ev)
    {
        lock (_lock)
        {
            return [.. _events.Where(e => (string?)e["ev"] == ev)];
        }
    }

    /// <summary>The first event named <paramref name="ev"/> (matching <paramref name="match"/>), past or future.</summary>
    public async Task<JsonObject> WaitForAsync(string ev, Func<JsonObject, bool>? match = null, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _events.FirstOrDefault(e => (string?)e["ev"] == ev && (match is null || match(e)));
                if (found is not null)
                {
                    return found;
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The SMSC peer sent no matching '{ev}' event in time (exited: {_process.HasExited}).");
            }
        }
    }

    /// <summary>Stops the SMSC with SIGTERM: it exits between two PDUs, without unbind, answering nothing more.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
            })!;
            await kill.WaitForExitAsync();
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>How many events named <paramref name="ev"/> have been seen so far.</summary>
    public int Count(string ev)
    {
        lock (_lock)
        {
            return _events.Count(e => (string?)e["ev"] == ev);
        }
    }

    /// <summary>Kills the process (an SMSC crash: connections end without unbind).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (JsonNode.Parse(line) is not JsonObject ev)
            {
                continue;
            }
            lock (_lock)
            {
                _events.Add(ev);
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        lock (_lock)
        {
            _changed.TrySetResult();
        }
    }
}
