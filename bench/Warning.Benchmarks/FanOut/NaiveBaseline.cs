using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;

namespace Warning.Benchmarks.FanOut;

/// <summary>
/// The design the engine is measured against: one Hangfire job per recipient (in-memory storage, an empty job
/// body). Whatever the send costs, this is the ceiling of that design on this machine.
/// </summary>
public static class NaiveBaseline
{
    private static long _processed;

    /// <summary>The job: a send that costs nothing.</summary>
    public static void Send(int recipient) => Interlocked.Increment(ref _processed);

    internal static async Task<double> MeasureJobsPerSecondAsync(int recipients)
    {
        GlobalConfiguration.Configuration.UseInMemoryStorage(new InMemoryStorageOptions());
        using var server = new BackgroundJobServer(); // Hangfire's default worker count
        var client = new BackgroundJobClient();
        Interlocked.Exchange(ref _processed, 0);
        var clock = Stopwatch.StartNew();
        // Jobs are built from the method and argument directly: an expression with a captured variable would be
        // compiled per call, which measures expression compilation rather than the one-job-per-recipient design.
        var send = typeof(NaiveBaseline).GetMethod(nameof(Send))!;
        for (var i = 0; i < recipients; i++)
        {
            client.Create(new Job(send, i), new EnqueuedState());
        }
        Console.Error.WriteLine($"baseline: enqueued {recipients} in {clock.Elapsed.TotalSeconds:F2} s, processed {Interlocked.Read(ref _processed)} so far");
        while (Interlocked.Read(ref _processed) < recipients)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"Baseline processed {_processed} of {recipients} jobs in 10 minutes.");
            }
            await Task.Delay(5); // polling, not spinning: this machine has two cores and the workers need them
        }
        return recipients / clock.Elapsed.TotalSeconds;
    }
}
