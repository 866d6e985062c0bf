using Warning.Engine.Alerts;

namespace Warning.Engine.Issuing;

/// <summary>
/// What a department may issue (design.md §1): areas × event types × highest level × channels. Area codes are
/// GB/T 2260 prefixes ("440199" covers the district and every street and village under it); event types are
/// GB/T 35561 codes or prefixes ("11B" covers every meteorological type), "*" for all.
/// </summary>
public sealed record Jurisdiction
{
    public const string Everything = "*";

    public ValueList<string> AreaCodes { get; init; } = [];

    public ValueList<string> EventTypes { get; init; } = [Everything];

    public WarningLevel MaxLevel { get; init; } = WarningLevel.Red;

    /// <summary>Channels the department may use; "*" for all.</summary>
    public ValueList<string> Channels { get; init; } = [Everything];

    /// <summary>Every way <paramref name="message"/> reaches beyond this jurisdiction; empty when it stays inside.</summary>
    public IReadOnlyList<JurisdictionProblem> Check(WarningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<JurisdictionProblem>();
        foreach (var info in message.Infos)
        {
            if (info.EventType is { } type && !Covers(EventTypes, type))
            {
                problems.Add(new(JurisdictionRule.EventType, $"事件类型 {type}（{info.Event}）不在本部门的发布权限内。"));
            }
            else if (info.EventType is null)
            {
                problems.Add(new(JurisdictionRule.EventType, $"事件“{info.Event}”没有 GB/T 35561 事件类型代码，无法核对发布权限。"));
            }
            if (info.Level is { } level && level > MaxLevel)
            {
                problems.Add(new(JurisdictionRule.Level,
                    $"{level.ChineseColour()}预警超出本部门可发布的最高级别（{MaxLevel.ChineseColour()}）。"));
            }
            foreach (var area in info.Areas)
            {
                var codes = area.AdminCodes.ToList();
                if (codes.Count == 0)
                {
                    // A polygon or circle alone cannot be checked against a list of divisions: the drafter names the
                    // divisions it lies in, and the audience resolver intersects the shape with them.
                    problems.Add(new(JurisdictionRule.Area, $"区域“{area.AreaDesc}”没有行政区划代码，无法核对发布权限。"));
                }
                foreach (var code in codes.Where(c => !Covers(AreaCodes, c)))
                {
                    problems.Add(new(JurisdictionRule.Area, $"区域“{area.AreaDesc}”（{code}）不在本部门辖区内。"));
                }
            }
        }
        foreach (var channel in message.Channels.Select(c => c.Channel).Where(c => !Names(Channels, c)))
        {
            problems.Add(new(JurisdictionRule.Channel, $"本部门无权使用发布渠道 {channel}。"));
        }
        return problems;
    }

    private static bool Covers(ValueList<string> allowed, string value) =>
        allowed.Any(a => a == Everything || value.StartsWith(a, StringComparison.OrdinalIgnoreCase));

    // Channel names are not a hierarchy: "wecom" must not allow "wecom-robot", nor "broadcast" the broadcast platform.
    private static bool Names(ValueList<string> allowed, string channel) =>
        allowed.Any(a => a == Everything || string.Equals(a, channel, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Which part of a jurisdiction a warning oversteps.</summary>
public enum JurisdictionRule
{
    Area,
    EventType,
    Level,
    Channel,
}

/// <summary>One way a warning oversteps its department's jurisdiction, in words for the drafter.</summary>
public sealed record JurisdictionProblem(JurisdictionRule Rule, string Message);
