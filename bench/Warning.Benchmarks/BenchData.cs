using Warning.Engine.Persistence;

namespace Warning.Benchmarks;

internal static class BenchData
{
    public static readonly DateTimeOffset At = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Submitted SMS deliveries of one version, as the dispatch pipeline hands them over after a send.</summary>
    public static DeliveryRecord[] Batch(string versionId, int first, int count)
    {
        var rows = new DeliveryRecord[count];
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            rows[i] = new DeliveryRecord(versionId, $"r{n:D8}", "sms", $"4401060{n % 100:D2}", DeliveryState.Submitted, At, $"m{n:D8}");
        }

        return rows;
    }
}
