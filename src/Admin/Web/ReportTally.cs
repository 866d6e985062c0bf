using Warning.Admin.Contracts;
using Warning.Engine.Persistence;

namespace Warning.Admin.Web;

/// <summary>
/// Counts one version's deliveries as they stream from the audit store, per channel and per area, and keeps each
/// reach time for the curve and the time to 90 %. Reached: confirmed Delivered, or accepted by a channel that never
/// sends receipts (see <see cref="VersionReport"/>).
/// </summary>
internal sealed class ReportTally(Func<string, bool> hasReceipts)
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, Counter> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _areas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _receipts = new(StringComparer.Ordinal);
    private readonly List<long> _reachedAtMs = [];

    public void Add(DeliveryView delivery)
    {
        if (!_receipts.TryGetValue(delivery.Channel, out var receipts))
        {
            _receipts[delivery.Channel] = receipts = hasReceipts(delivery.Channel);
        }
        long? reachedAt = delivery.State switch
        {
            DeliveryState.Delivered => delivery.CompletedAtMs ?? delivery.SubmittedAtMs,
            DeliveryState.Submitted when !receipts => delivery.SubmittedAtMs,
            _ => null,
        };
        Tally(_channels, delivery.Channel, delivery, reachedAt is not null);
        Tally(_areas, delivery.AreaCode ?? "", delivery, reachedAt is not null);
        if (reachedAt is { } at)
        {
            _reachedAtMs.Add(at);
        }
    }

    public VersionReport ToReport(string threadId, string versionId, DateTimeOffset? publishedAt)
    {
        var total = _channels.Values.Aggregate(new Counter(), (sum, c) => sum.Plus(c));
        _reachedAtMs.Sort();
        double? to90 = null;
        var needed = (int)Math.Ceiling(total.Targeted * 0.9);
        if (publishedAt is { } published && total.Targeted > 0 && _reachedAtMs.Count >= needed)
        {
            to90 = Math.Max(0, (DateTimeOffset.FromUnixTimeMilliseconds(_reachedAtMs[Math.Max(0, needed - 1)]) - published).TotalSeconds);
        }
        return new VersionReport(threadId, versionId, publishedAt, total.Targeted, total.Submitted, total.Delivered, total.Failed,
            total.Reached, total.Coverage, to90, View(_channels), View(_areas), Curve());
    }

    private List<CurvePointView> Curve()
    {
        var points = new List<CurvePointView>();
        var bucketMs = (long)Bucket.TotalMilliseconds;
        long cumulative = 0;
        foreach (var group in _reachedAtMs.GroupBy(ms => ms / bucketMs))
        {
            var count = group.LongCount();
            cumulative += count;
            points.Add(new CurvePointView(DateTimeOffset.FromUnixTimeMilliseconds(group.Key * bucketMs), count, cumulative));
        }
        return points;
    }

    private static List<CountsView> View(Dictionary<string, Counter> counters) => [.. counters.OrderBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => new CountsView(c.Key, c.Value.Targeted, c.Value.Submitted, c.Value.Delivered, c.Value.Failed, c.Value.Reached, c.Value.Coverage))];

    private static void Tally(Dictionary<string, Counter> counters, string key, DeliveryView delivery, bool reached)
    {
        if (!counters.TryGetValue(key, out var counter))
        {
            counters[key] = counter = new Counter();
        }
        counter.Targeted++;
        counter.Submitted += delivery.SubmittedAtMs is null ? 0 : 1;
        counter.Delivered += delivery.State == DeliveryState.Delivered ? 1 : 0;
        counter.Failed += delivery.State == DeliveryState.Failed ? 1 : 0;
        counter.Reached += reached ? 1 : 0;
    }

    private sealed class Counter
    {
        public long Targeted { get; set; }

        public long Submitted { get; set; }

        public long Delivered { get; set; }

        public long Failed { get; set; }

        public long Reached { get; set; }

        public double Coverage => Targeted == 0 ? 0 : (double)Reached / Targeted;

        public Counter Plus(Counter other) => new()
        {
            Targeted = Targeted + other.Targeted,
            Submitted = Submitted + other.Submitted,
            Delivered = Delivered + other.Delivered,
            Failed = Failed + other.Failed,
            Reached = Reached + other.Reached,
        };
    }
}
