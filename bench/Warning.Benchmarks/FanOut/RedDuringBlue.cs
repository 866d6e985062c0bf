using System.Diagnostics;
using Warning.Engine.Alerts;
using Warning.Engine.Dispatch;

namespace Warning.Benchmarks.FanOut;

/// <summary>
/// Starts a Blue fan-out of many recipients, waits until it is well under way, publishes a Red warning to a
/// thousand recipients on the same channel, and reports how long the Red one took to reach its first adapter call.
/// </summary>
internal static class RedDuringBlue
{
    public static async Task MeasureAsync(FanOutArguments settings, FanOutBackends backends, Dictionary<string, object?> report)
    {
        var blueRecipients = Enumerable.Range(0, settings.RedDuringBlue).ToArray();
        var clock = Stopwatch.StartNew();
        var sink = new ProgressSink(blueRecipients.Length, clock); // priority is measured without the store
        await using var dispatcher = backends.CreateDispatcher(sink);
        var blue = FanOutMacro.Content("blue-thread", "blue-version", WarningLevel.Blue);
        var blueSettings = settings with { Channels = 1 };
        var blueRun = FanOutMacro.RunShardsAsync(dispatcher, [.. FanOutMacro.Shards(blueSettings, blueRecipients, blue)],
            settings.ParallelShards);
        while (sink.Done < blueRecipients.Length / 20)
        {
            await Task.Delay(5);
        }
        var red = FanOutMacro.Content("red-thread", "red-version", WarningLevel.Red);
        var publishedAt = TimeProvider.System.GetUtcNow();
        var redSummary = await dispatcher.DispatchAsync(new DispatchRequest(red, "sms",
            Enumerable.Range(0, 1000).ToArray(), new ConstantAddressBook(), TimeSpan.FromHours(6)));
        var blueDoneWhenRedFinished = sink.Done;
        await blueRun;
        report["blueRecipients"] = blueRecipients.Length;
        report["redFirstSendMsDuringBlue"] = Math.Round((redSummary.FirstSendAt!.Value - publishedAt).TotalMilliseconds, 2);
        report["redCompleteMsDuringBlue"] = Math.Round((redSummary.CompletedAt - publishedAt).TotalMilliseconds, 2);
        report["blueProgressWhenRedDone"] = Math.Round(100.0 * blueDoneWhenRedFinished / blueRecipients.Length, 1);
        report["blueSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
    }
}
