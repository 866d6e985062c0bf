using System.Diagnostics;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;

namespace Warning.Benchmarks.FanOut;

/// <summary>Counts outcomes as they arrive and notes when 50 %, 99 % and 100 % of the expected total were reached.</summary>
internal sealed class ProgressSink(long expected, Stopwatch clock, IDeliveryOutcomeSink? next = null) : IDeliveryOutcomeSink
{
    private long _done;
    private long _at50 = -1, _at99 = -1, _at100 = -1;

    public long Done => Interlocked.Read(ref _done);

    public TimeSpan? At50 => Ticks(_at50);

    public TimeSpan? At99 => Ticks(_at99);

    public TimeSpan? At100 => Ticks(_at100);

    public async ValueTask RecordAsync(DeliveryContent content, string channel, IReadOnlyList<DeliveryResult> results,
        CancellationToken cancellationToken)
    {
        var done = Interlocked.Add(ref _done, results.Count);
        var now = clock.Elapsed.Ticks;
        Mark(ref _at50, done * 2 >= expected, now);
        Mark(ref _at99, done * 100 >= expected * 99, now);
        Mark(ref _at100, done >= expected, now);
        if (next is not null)
        {
            await next.RecordAsync(content, channel, results, cancellationToken);
        }
    }

    private static void Mark(ref long field, bool reached, long now)
    {
        if (reached)
        {
            Interlocked.CompareExchange(ref field, now, -1);
        }
    }

    private static TimeSpan? Ticks(long value) => value < 0 ? null : TimeSpan.FromTicks(value);
}
