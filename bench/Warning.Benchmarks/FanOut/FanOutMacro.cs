using System.Diagnostics;
using System.Text.Json;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;

namespace Warning.Benchmarks.FanOut;

/// <summary>
/// Publishes one warning to N recipients × C channels through sandbox adapters and prints JSON: deliveries/s,
/// time to first send, to 50 / 99 / 100 %, memory, duplicates and misses counted by the sandbox, and the naive
/// Hangfire baseline from the same run. <c>dotnet run -c Release --project bench/Warning.Benchmarks -- fanout --recipients 1000000</c>
/// </summary>
internal static class FanOutMacro
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = FanOutArguments.Parse(args);
        var report = new Dictionary<string, object?>
        {
            ["recipients"] = settings.Recipients,
            ["channels"] = settings.Channels,
            ["ledger"] = settings.Ledger,
            ["store"] = settings.Store,
            ["storeWriters"] = settings.StoreWriters,
            ["warmUp"] = settings.WarmUp,
            ["processors"] = Environment.ProcessorCount,
        };
        await using (var backends = await FanOutBackends.CreateAsync(settings))
        {
            report["registerSeconds"] = Math.Round(backends.RegisterSeconds, 3);
            await MeasureFanOutAsync(settings, backends, report);
            if (settings.RedDuringBlue > 0)
            {
                await RedDuringBlue.MeasureAsync(settings, backends, report);
            }
        }
        if (settings.Baseline > 0)
        {
            var baseline = await NaiveBaseline.MeasureJobsPerSecondAsync(settings.Baseline);
            report["baselineJobsPerSecond"] = Math.Round(baseline);
            report["ratioToBaseline"] = Math.Round((double)report["deliveriesPerSecond"]! / baseline, 1);
        }
        Console.WriteLine(JsonSerializer.Serialize(report, Indented));
        return (long)report["duplicates"]! == 0 && (long)report["misses"]! == 0 ? 0 : 1;
    }

    private static async Task MeasureFanOutAsync(FanOutArguments settings, FanOutBackends backends, Dictionary<string, object?> report)
    {
        await WarmUpAsync(settings, backends);
        var recipients = Enumerable.Range(0, settings.Recipients).ToArray();
        var expected = (long)settings.Recipients * settings.Channels;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var publishedAt = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var sink = new ProgressSink(expected, clock, backends.Sink);
        await using var dispatcher = backends.CreateDispatcher(sink);
        var content = Content("fanout-thread", "fanout-version", WarningLevel.Blue);
        var shards = Shards(settings, recipients, content).ToList();
        var cut = backends.CutRedisLaterAsync(settings.CutRedisAfterMs);
        var summaries = await RunShardsAsync(dispatcher, shards, settings.ParallelShards);
        await backends.FlushAsync();
        report["redisClientsKilled"] = await cut;
        var elapsed = clock.Elapsed;
        var firstSend = summaries.Where(s => s.FirstSendAt.HasValue).Min(s => s.FirstSendAt!.Value);
        long duplicates = 0, distinct = 0;
        for (var c = 0; c < settings.Channels; c++)
        {
            var tally = backends.Recorder.For(content.VersionId, ChannelName(c));
            (duplicates, distinct) = (duplicates + tally.Duplicates, distinct + tally.Distinct);
        }
        report["seconds"] = Math.Round(elapsed.TotalSeconds, 3);
        report["deliveriesPerSecond"] = Math.Round(expected / elapsed.TotalSeconds);
        report["firstSendMs"] = Math.Round((firstSend - publishedAt).TotalMilliseconds, 2);
        report["to50PercentMs"] = sink.At50?.TotalMilliseconds;
        report["to99PercentMs"] = sink.At99?.TotalMilliseconds;
        report["to100PercentMs"] = sink.At100?.TotalMilliseconds;
        report["allocatedBytesPerDelivery"] = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)expected, 1);
        report["peakWorkingSetMB"] = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        report["duplicates"] = duplicates;
        report["misses"] = expected - distinct;
    }

    /// <summary>
    /// A running server has its code compiled: send one small warning first so that JIT compilation is not
    /// counted as publish-to-first-send time.
    /// </summary>
    private static async Task WarmUpAsync(FanOutArguments settings, FanOutBackends backends)
    {
        await using var dispatcher = backends.CreateDispatcher(new ProgressSink(0, Stopwatch.StartNew()));
        var warm = Content("warm-up", "warm-up", WarningLevel.Blue);
        var recipients = Enumerable.Range(0, settings.WarmUp).ToArray();
        await RunShardsAsync(dispatcher, [.. Shards(settings with { ShardSize = 5_000 }, recipients, warm)], settings.ParallelShards);
    }

    /// <summary>Runs shards the way a node's job workers would: a few at a time, each to completion.</summary>
    internal static async Task<DispatchSummary[]> RunShardsAsync(FanOutDispatcher dispatcher, IReadOnlyList<DispatchRequest> shards, int parallel)
    {
        var summaries = new DispatchSummary[shards.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < shards.Count)
            {
                summaries[index] = await dispatcher.DispatchAsync(shards[index]);
            }
        })));
        return summaries;
    }

    internal static IEnumerable<DispatchRequest> Shards(FanOutArguments settings, int[] recipients, DeliveryContent content)
    {
        for (var c = 0; c < settings.Channels; c++)
        {
            for (var offset = 0; offset < recipients.Length; offset += settings.ShardSize)
            {
                var length = Math.Min(settings.ShardSize, recipients.Length - offset);
                yield return new DispatchRequest(content, ChannelName(c), recipients.AsMemory(offset, length),
                    new ConstantAddressBook(), TimeSpan.FromHours(6));
            }
        }
    }

    internal static DeliveryContent Content(string thread, string version, WarningLevel level) =>
        new(thread, version, MessageType.Alert, AlertStatus.Exercise, level, "【演练】暴雨预警：请注意防范。", null);

    internal static string ChannelName(int index) => index == 0 ? "sms" : $"sms{index}";
}
