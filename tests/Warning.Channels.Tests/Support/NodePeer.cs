using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Warning.Channels.Tests.Support;

/// <summary>
/// A test peer from tests/peers/&lt;folder&gt; run with node on loopback, on ports it was given or chose itself, and
/// stopped (with its children) when disposed. Starting fails with a reason — node or the folder's node_modules
/// missing — which the tests turn into TestServers.Unavailable.
/// </summary>
internal sealed class NodePeer : IAsyncDisposable
{
    private readonly Process _process;

    private NodePeer(Process process) => _process = process;

    public static string PeerFolder(string folder)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Warning.sln")))
        {
            dir = dir.Parent;
        }
        return dir is null ? throw new InvalidOperationException("repository root not found") : Path.Combine(dir.FullName, "tests", "peers", folder);
    }

    /// <summary>Starts node with <paramref name="arguments"/> in the peer folder; returns the first stdout line that <paramref name="ready"/> accepts.</summary>
    public static async Task<(NodePeer? Peer, string? ReadyLine, string? Failure)> StartAsync(
        string folder, IEnumerable<string> arguments, Func<string, bool> ready, CancellationToken cancellationToken)
    {
        var dir = PeerFolder(folder);
        if (!Directory.Exists(Path.Combine(dir, "node_modules")))
        {
            return (null, null, $"tests/peers/{folder}/node_modules is missing; run scripts/services.sh (npm ci)");
        }
        var start = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("node did not start");
        }
        catch (Win32Exception e)
        {
            return (null, null, $"node is not installed ({e.Message}); run scripts/services.sh");
        }
        var peer = new NodePeer(process);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ready(line))
                {
                    // Keep draining stdout so a chatty peer never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return (peer, line, null);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        await peer.DisposeAsync();
        return (null, null, $"tests/peers/{folder} did not report ready within 30 s");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
