using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Warning.Channels.Smpp;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Benchmarks;

/// <summary>
/// submit_sm/s over one SMPP bind to the loopback SMSC peer (tests/peers/smsc/smsc.js on node-smpp, quiet mode,
/// answering every submit and sending a delivery receipt for each). Adapter batches go out one after another,
/// so the window alone decides how many submits are outstanding (issue 6 asks ≥ 1,000/s with window 10).
///   smpp [--messages N] [--window W] [--batch B] [--text gsm|chinese]
/// Exits non-zero unless every recipient was Sent.
/// </summary>
internal static class SmppMacroBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = Option(args, "--messages", 20_000);
        var window = Option(args, "--window", 10);
        var batchSize = Option(args, "--batch", 100);
        var chinese = args.Contains("chinese");
        using var peer = StartPeer();
        var port = await ReadPortAsync(peer);
        var options = new SmppChannelOptions
        {
            Host = "127.0.0.1",
            Port = port,
            SystemId = "esme",
            Password = "secret",
            SourceAddress = "10690001",
            WindowSize = window,
            MaxBatchSize = batchSize,
        };
        await using var adapter = new SmppChannelAdapter(options, DiscardedReceipts.Instance, NullInboundMessageSink.Instance, TimeProvider.System);
        var text = chinese ? "【区应急管理局】暴雨红色预警：请立即停止户外活动，危险地带人员立即转移。" : "Red rainstorm warning: move to safety now.";
        var content = new DeliveryContent("t", "v", MessageType.Alert, AlertStatus.Actual, WarningLevel.Red, text, null);
        await adapter.SendAsync(Batch(content, 0, 1), CancellationToken.None); // bind outside the clock

        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (var start = 0; start < messages; start += batchSize)
        {
            var results = await adapter.SendAsync(Batch(content, start, Math.Min(batchSize, messages - start)), CancellationToken.None);
            sent += results.Count(r => r.Status == DeliveryStatus.Sent);
        }
        clock.Stop();
        peer.Kill(entireProcessTree: true);
        var perSecond = messages / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"benchmark\":\"smpp\",\"messages\":{messages},\"sent\":{sent},\"window\":{window},\"batch\":{batchSize},\"text\":\"{(chinese ? "chinese" : "gsm")}\",\"seconds\":{clock.Elapsed.TotalSeconds:0.000},\"submitPerSecond\":{perSecond:0}}}"));
        return sent == messages ? 0 : 1;
    }

    private static DeliveryBatch Batch(DeliveryContent content, int start, int count) =>
        new(content, [.. Enumerable.Range(start, count).Select(i => new DeliveryRecipient(i, "138" + i.ToString("D8", CultureInfo.InvariantCulture)))]);

    private static Process StartPeer()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Warning.sln")))
        {
            root = root.Parent;
        }
        var script = Path.Combine(root?.FullName ?? ".", "tests", "peers", "smsc", "smsc.js");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "--port", "0", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("node did not start; run scripts/services.sh");
    }

    private static async Task<int> ReadPortAsync(Process peer)
    {
        var line = await peer.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the SMSC peer exited");
        _ = peer.StandardOutput.ReadToEndAsync(); // keep draining its events
        return (int)JsonNode.Parse(line)!["port"]!;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

/// <summary>Receipts are not what this benchmark measures: they are dropped.</summary>
internal sealed class DiscardedReceipts : IProviderReceiptSink
{
    public static DiscardedReceipts Instance { get; } = new();

    public ValueTask RecordAsync(IReadOnlyList<Warning.Engine.Persistence.ProviderReceipt> receipts, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
