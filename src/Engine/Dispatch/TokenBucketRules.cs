namespace Warning.Engine.Dispatch;

/// <summary>
/// The bucket arithmetic both limiters share (the Redis Lua mirrors it): lazy refill from elapsed time, a floor
/// below which Routine work may not take, and the wait until the rest of a request could be granted.
/// </summary>
internal static class TokenBucketRules
{
    // Refill is fractional; this keeps 0.9999999 from counting as 0 whole tokens.
    private const double Epsilon = 1e-9;

    public static void Validate(TokenBucketSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spec.RatePerSecond, 0, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Burst, 1, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfNegative(spec.UrgentReserve, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(spec.UrgentReserve, 1, nameof(spec));
    }

    public static double Floor(TokenBucketSpec spec, DispatchPriority priority) =>
        priority == DispatchPriority.Urgent ? 0 : spec.UrgentReserve * spec.Burst;

    public static double Refill(TokenBucketSpec spec, double tokens, TimeSpan elapsed) =>
        Math.Min(spec.Burst, tokens + Math.Max(0, elapsed.TotalSeconds) * spec.RatePerSecond);

    public static int Grantable(double tokens, double floor, int requested) =>
        (int)Math.Clamp(Math.Floor(tokens - floor + Epsilon), 0, requested);

    /// <summary>How long until the ungranted part (at most what a full bucket above the floor holds) is there.</summary>
    public static TimeSpan RetryAfter(TokenBucketSpec spec, double tokens, double floor, int missing)
    {
        if (missing <= 0)
        {
            return TimeSpan.Zero;
        }
        var room = Math.Max(1, Math.Floor(spec.Burst - floor + Epsilon));
        var deficit = floor + Math.Min(missing, room) - tokens;
        return TimeSpan.FromSeconds(Math.Max(0, deficit) / spec.RatePerSecond);
    }

    /// <summary>After this long untouched a bucket is full again, so forgetting it changes nothing.</summary>
    public static TimeSpan TimeToFull(TokenBucketSpec spec) => TimeSpan.FromSeconds(spec.Burst / spec.RatePerSecond);
}
