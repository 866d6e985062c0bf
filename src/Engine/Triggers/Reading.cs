namespace Warning.Engine.Triggers;

/// <summary>
/// One observation from a monitoring system: a station (rain gauge, river gauge, gas detector), a measure such as
/// <c>rain_1h_mm</c>, <c>water_level_m</c> or <c>gas_ppm</c>, its value, and when it was observed (not received).
/// <see cref="AreaCode"/> (GB/T 2260 prefix) lets area-wide rules match stations they do not name.
/// </summary>
public sealed record Reading(string StationId, string Measure, double Value, DateTimeOffset ObservedAt, string? AreaCode = null);
