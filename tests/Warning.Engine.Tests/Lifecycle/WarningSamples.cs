using Warning.Engine.Alerts;

namespace Warning.Engine.Tests.Lifecycle;

/// <summary>Builds the warnings the lifecycle tests use: a district rainstorm thread.</summary>
internal static class WarningSamples
{
    public static readonly DateTimeOffset Start = new(2026, 7, 20, 8, 0, 0, TimeSpan.FromHours(8));

    public static WarningMessage Alert(WarningLevel level = WarningLevel.Red, AlertStatus status = AlertStatus.Actual) => new()
    {
        Identifier = "44010641600000_20260720080000_0",
        Sender = "广州市海珠区应急管理局",
        SenderCode = "44010641600000",
        Sent = Start,
        Status = status,
        MsgType = MessageType.Alert,
        Infos = [Info(level)],
    };

    public static WarningMessage Update(string id, WarningLevel level, AlertStatus status = AlertStatus.Actual) =>
        Alert(level, status) with
        {
            Identifier = id,
            MsgType = MessageType.Update,
            References = [new MessageReference("广州市海珠区应急管理局", "44010641600000_20260720080000_0", Start)],
        };

    public static WarningMessage Cancel(string id, string? reason = "降雨已减弱，解除预警") =>
        Alert() with
        {
            Identifier = id,
            MsgType = MessageType.Cancel,
            Note = reason,
            References = [new MessageReference("广州市海珠区应急管理局", "44010641600000_20260720080000_0", Start)],
        };

    private static WarningInfo Info(WarningLevel level) => new()
    {
        Language = "zh-CN",
        Categories = [CapCategory.Met],
        Event = "暴雨",
        EventType = "11B03",
        Level = level,
        Severity = level.ToCapSeverity(),
        Urgency = CapUrgency.Immediate,
        Certainty = CapCertainty.Likely,
        Headline = WarningText.Headline("海珠区应急管理局", "暴雨", level, MessageType.Alert),
        Description = "预计未来3小时内海珠区将出现100毫米以上降雨。",
        Expires = Start.AddHours(6),
        Areas = [new TargetArea { AreaDesc = "海珠区", Geocodes = [new NamedValue(TargetArea.AdminCodeName, "440105")] }],
    };
}
