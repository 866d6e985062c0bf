namespace Warning.Engine.Dispatch;

/// <summary>
/// A token bucket: <see cref="RatePerSecond"/> tokens are added each second up to <see cref="Burst"/>.
/// Routine requests may not take the last <see cref="UrgentReserve"/> of the burst, so urgent work always finds tokens.
/// </summary>
public sealed record TokenBucketSpec(double RatePerSecond, int Burst, double UrgentReserve = 0.2);
