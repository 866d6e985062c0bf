using Warning.Engine.Persistence;

namespace Warning.Benchmarks;

internal static class BenchData
{
    public static readonly DateTimeOffset At = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Submitted SMS deliveries of one version, as the dispatch pipeline hands them over after a send. Provider
    /// message ids ascend with the recipient unless <paramref name="randomMessageIds"/> (a fixed pseudo-random
    /// 64-bit value per recipient, so every run writes the same ids).
    /// </summary>
    public static DeliveryRecord[] Batch(string versionId, int first, int count, bool randomMessageIds = false)
    {
        var rows = new DeliveryRecord[count];
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            var messageId = randomMessageIds ? $"{Scramble((ulong)n):x16}" : $"m{n:D8}";
            rows[i] = new DeliveryRecord(versionId, $"r{n:D8}", "sms", $"4401060{n % 100:D2}", DeliveryState.Submitted, At, messageId);
        }

        return rows;
    }

    /// <summary>SplitMix64's finaliser: a bijection, so distinct recipients keep distinct ids.</summary>
    private static ulong Scramble(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
