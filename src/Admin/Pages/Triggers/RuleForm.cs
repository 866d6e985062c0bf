using System.Globalization;
using Warning.Engine.Alerts;
using Warning.Engine.Triggers;

namespace Warning.Admin.Pages.Triggers;

/// <summary>The console's form of a monitoring rule: lists and durations as text a bureau user types.</summary>
public sealed class RuleForm
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? StationId { get; set; }
    public string? AreaCode { get; set; }
    public string Measure { get; set; } = "rain_1h_mm";
    public TriggerBasis Basis { get; set; }

    /// <summary>"Blue=50;Orange=100".</summary>
    public string Thresholds { get; set; } = "Blue=50;Orange=100";
    public double Hysteresis { get; set; }
    public int SustainedMinutes { get; set; }
    public int RateWindowMinutes { get; set; } = 60;
    public string EventType { get; set; } = "11B03";
    public string AreaCodes { get; set; } = "";
    public string DescriptionTemplate { get; set; } = "{station} 站{observed}1小时雨量 {value} 毫米，已达暴雨{level}预警标准。";
    public string? Instruction { get; set; }
    public int ExpiresHours { get; set; } = 6;
    public TriggerMode Mode { get; set; }
    public bool Enabled { get; set; } = true;

    public static RuleForm From(TriggerRule rule) => new()
    {
        Id = rule.Id,
        Name = rule.Name,
        StationId = rule.StationId,
        AreaCode = rule.AreaCode,
        Measure = rule.Measure,
        Basis = rule.Basis,
        Thresholds = string.Join(';', rule.Thresholds.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Level}={t.Value}"))),
        Hysteresis = rule.Hysteresis,
        SustainedMinutes = (int)rule.Sustained.TotalMinutes,
        RateWindowMinutes = (int)rule.RateWindow.TotalMinutes,
        EventType = rule.EventType,
        AreaCodes = string.Join(' ', rule.AreaCodes),
        DescriptionTemplate = rule.DescriptionTemplate,
        Instruction = rule.Instruction,
        ExpiresHours = (int)rule.ExpiresAfter.TotalHours,
        Mode = rule.Mode,
        Enabled = rule.Enabled,
    };

    /// <summary>The rule, or the reason the thresholds cannot be read.</summary>
    public (TriggerRule? Rule, string? Problem) ToRule(string departmentId, string? authorisedBy, string user, DateTimeOffset now)
    {
        var thresholds = new List<TriggerThreshold>();
        foreach (var part in Thresholds.Split([';', ',', '；', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !Enum.TryParse<WarningLevel>(pair[0], true, out var level) || !Enum.IsDefined(level)
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return (null, $"无法识别阈值“{part}”，格式如 Blue=50;Orange=100。");
            }
            thresholds.Add(new(level, value));
        }
        return (new TriggerRule
        {
            Id = Id.Trim(),
            Name = Name.Trim(),
            DepartmentId = departmentId,
            StationId = string.IsNullOrWhiteSpace(StationId) ? null : StationId.Trim(),
            AreaCode = string.IsNullOrWhiteSpace(AreaCode) ? null : AreaCode.Trim(),
            Measure = Measure.Trim(),
            Basis = Basis,
            Thresholds = thresholds,
            Hysteresis = Hysteresis,
            Sustained = TimeSpan.FromMinutes(SustainedMinutes),
            RateWindow = TimeSpan.FromMinutes(RateWindowMinutes),
            EventType = EventType.Trim(),
            AreaCodes = AreaCodes.Split([' ', ',', '，'], StringSplitOptions.RemoveEmptyEntries),
            DescriptionTemplate = DescriptionTemplate,
            Instruction = string.IsNullOrWhiteSpace(Instruction) ? null : Instruction,
            ExpiresAfter = TimeSpan.FromHours(ExpiresHours),
            Mode = Mode,
            AuthorisedBy = Mode == TriggerMode.PublishDirectly ? authorisedBy : null,
            Enabled = Enabled,
            UpdatedBy = user,
            UpdatedAt = now,
        }, null);
    }
}
