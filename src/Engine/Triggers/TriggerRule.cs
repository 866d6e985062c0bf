using Warning.Engine.Alerts;

namespace Warning.Engine.Triggers;

/// <summary>
/// A monitoring rule (issue 8): which readings it watches (a station, or every station in an area, and one measure),
/// the thresholds per level with hysteresis, sustained-duration and rate-of-change conditions, and the warning it
/// raises (event type, areas, text template, department) and how (draft for sign-off or publish directly).
/// </summary>
public sealed record TriggerRule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string DepartmentId { get; init; }

    /// <summary>The one station watched; null: every station whose readings carry an area under <see cref="AreaCode"/>.</summary>
    public string? StationId { get; init; }

    public string? AreaCode { get; init; }

    public required string Measure { get; init; }

    public TriggerBasis Basis { get; init; } = TriggerBasis.Value;

    /// <summary>Ascending by level and by value (Blue 50, Orange 100).</summary>
    public required IReadOnlyList<TriggerThreshold> Thresholds { get; init; }

    /// <summary>A level holds until the signal falls below its threshold minus this band. Default: 0.</summary>
    public double Hysteresis { get; init; }

    /// <summary>How long a condition must hold, reading after reading, before the level changes. Default: zero (at once).</summary>
    public TimeSpan Sustained { get; init; }

    /// <summary>The span a <see cref="TriggerBasis.RatePerHour"/> rate is measured over. Default: one hour.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>GB/T 35561 event type of the warning, e.g. 11B03 (暴雨).</summary>
    public required string EventType { get; init; }

    public required IReadOnlyList<string> AreaCodes { get; init; }

    /// <summary>Description template; {station}, {measure}, {value}, {level} and {observed} are filled in.</summary>
    public required string DescriptionTemplate { get; init; }

    public string? Instruction { get; init; }

    /// <summary>Each release expires this long after it is sent; a rule still firing extends it. Default: 6 hours.</summary>
    public TimeSpan ExpiresAfter { get; init; } = TimeSpan.FromHours(6);

    public TriggerMode Mode { get; init; } = TriggerMode.DraftForSignOff;

    /// <summary>The approver who pre-authorised direct publication; without one a rule only drafts.</summary>
    public string? AuthorisedBy { get; init; }

    public bool Enabled { get; init; } = true;

    public string UpdatedBy { get; init; } = "";

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Direct publication needs both the mode and a named person who authorised it.</summary>
    public bool PublishesDirectly => Mode == TriggerMode.PublishDirectly && !string.IsNullOrWhiteSpace(AuthorisedBy);

    public bool Watches(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!Enabled || !string.Equals(reading.Measure, Measure, StringComparison.Ordinal))
        {
            return false;
        }
        return StationId is not null
            ? string.Equals(reading.StationId, StationId, StringComparison.Ordinal)
            : AreaCode is not null && reading.AreaCode is { } area && area.StartsWith(AreaCode, StringComparison.Ordinal);
    }

    public double ThresholdOf(WarningLevel level) => Thresholds.First(t => t.Level == level).Value;

    /// <summary>Every reason this rule cannot work, in words for the console; empty when it is sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id) || Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            problems.Add("规则编号只能包含字母、数字、-、_ 和 .。");
        }
        if (StationId is null == AreaCode is null)
        {
            problems.Add("请指定一个监测站点，或一个区域（二者选一）。");
        }
        if (Thresholds.Count == 0)
        {
            problems.Add("请至少设置一个级别的阈值。");
        }
        for (var i = 1; i < Thresholds.Count; i++)
        {
            if (Thresholds[i].Level <= Thresholds[i - 1].Level || Thresholds[i].Value <= Thresholds[i - 1].Value)
            {
                problems.Add("阈值须按级别（蓝、黄、橙、红）和数值同时递增。");
                break;
            }
        }
        if (Hysteresis < 0 || Sustained < TimeSpan.Zero || RateWindow <= TimeSpan.Zero || ExpiresAfter <= TimeSpan.Zero)
        {
            problems.Add("回差、持续时间、变化率时段和有效时长不能为负。");
        }
        if (AreaCodes.Count == 0)
        {
            problems.Add("请至少选择一个预警发布区域。");
        }
        if (Mode == TriggerMode.PublishDirectly && string.IsNullOrWhiteSpace(AuthorisedBy))
        {
            problems.Add("直接发布须由审核签发人员预先授权。");
        }
        return problems;
    }
}
