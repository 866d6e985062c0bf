using Warning.Engine.Triggers;

namespace Warning.Admin.Readings;

/// <summary>One reading as a monitoring system posts it (the body is one of these or an array of them).</summary>
public sealed record ReadingDto(string? StationId, string? Measure, double? Value, DateTimeOffset? ObservedAt, string? AreaCode = null)
{
    /// <summary>The reading, or why it is not one.</summary>
    public (Reading? Reading, string? Problem) ToReading(int index)
    {
        if (string.IsNullOrWhiteSpace(StationId) || string.IsNullOrWhiteSpace(Measure))
        {
            return (null, $"第 {index + 1} 条读数缺少 stationId 或 measure / reading {index + 1}: stationId and measure are required");
        }
        if (Value is not { } value || !double.IsFinite(value))
        {
            return (null, $"第 {index + 1} 条读数缺少有效数值 / reading {index + 1}: value must be a finite number");
        }
        if (ObservedAt is not { } at)
        {
            return (null, $"第 {index + 1} 条读数缺少观测时间 / reading {index + 1}: observedAt is required");
        }
        return (new Reading(StationId.Trim(), Measure.Trim(), value, at, AreaCode?.Trim()), null);
    }
}
