namespace Warning.Engine.Alerts;

/// <summary>
/// Names and the CAP severity convention for <see cref="WarningLevel"/>. The mapping
/// Red→Extreme, Orange→Severe, Yellow→Moderate, Blue→Minor is industry convention, not normative
/// (shared/reference/warning-standards.md §2.3), so CAP output also carries the colour itself.
/// </summary>
public static class WarningLevels
{
    public static CapSeverity ToCapSeverity(this WarningLevel level) => level switch
    {
        WarningLevel.Red => CapSeverity.Extreme,
        WarningLevel.Orange => CapSeverity.Severe,
        WarningLevel.Yellow => CapSeverity.Moderate,
        WarningLevel.Blue => CapSeverity.Minor,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static WarningLevel? FromCapSeverity(CapSeverity severity) => severity switch
    {
        CapSeverity.Extreme => WarningLevel.Red,
        CapSeverity.Severe => WarningLevel.Orange,
        CapSeverity.Moderate => WarningLevel.Yellow,
        CapSeverity.Minor => WarningLevel.Blue,
        _ => null,
    };

    /// <summary>红色 / 橙色 / 黄色 / 蓝色.</summary>
    public static string ChineseColour(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "红色",
        WarningLevel.Orange => "橙色",
        WarningLevel.Yellow => "黄色",
        WarningLevel.Blue => "蓝色",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Roman grade: I for Red … IV for Blue.</summary>
    public static string Grade(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "I",
        WarningLevel.Orange => "II",
        WarningLevel.Yellow => "III",
        WarningLevel.Blue => "IV",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Interface wording used by the 12379 platform: 特别重大 / 重大 / 较大 / 一般.</summary>
    public static string ChineseSeverityWord(this WarningLevel level) => level switch
    {
        WarningLevel.Red => "特别重大",
        WarningLevel.Orange => "重大",
        WarningLevel.Yellow => "较大",
        WarningLevel.Blue => "一般",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The suffix 12379 headlines carry, e.g. "[IV级/一般]".</summary>
    public static string GradeSuffix(this WarningLevel level) => $"[{level.Grade()}级/{level.ChineseSeverityWord()}]";
}
