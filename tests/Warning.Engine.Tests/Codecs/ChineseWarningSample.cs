using Warning.Engine.Alerts;

namespace Warning.Engine.Tests.Codecs;

/// <summary>A 12379-style 暴雨红色预警 that uses every CAP convention field.</summary>
internal static class ChineseWarningSample
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static WarningMessage Create() => new()
    {
        Identifier = "44010641600000_20240601143000",
        Sender = "广州市天河区气象台",
        SenderCode = "44010641600000",
        Sent = new DateTimeOffset(2024, 6, 1, 14, 30, 0, Beijing),
        MsgType = MessageType.Update,
        Note = "",
        References = [new MessageReference("广州市天河区气象台", "44010641600000_20240601120000", new DateTimeOffset(2024, 6, 1, 12, 0, 0, Beijing))],
        SecClassification = "None",
        Channels =
        [
            new ChannelDirective("SMS", "【天河区气象台】暴雨红色预警：请立即停止户外活动。", ["G01", "G02"], ["13800000000"]),
            new ChannelDirective("WeChat"),
        ],
        BlockedChannels = ["LED"],
        TargetGroups = ["public", "schools"],
        Infos = [Info()],
    };

    private static WarningInfo Info() => new()
    {
        Language = "zh-CN",
        Categories = [CapCategory.Met],
        Event = "暴雨",
        EventType = "11B03",
        ResponseTypes = [CapResponseType.Shelter],
        Urgency = CapUrgency.Immediate,
        Severity = CapSeverity.Extreme,
        Certainty = CapCertainty.Likely,
        Level = WarningLevel.Red,
        EventCodes = [new NamedValue("SAME", "FFW")],
        Effective = new DateTimeOffset(2024, 6, 1, 14, 30, 0, Beijing),
        Expires = new DateTimeOffset(2024, 6, 1, 20, 30, 0, Beijing),
        SenderName = "张三",
        Headline = "天河区气象台发布暴雨红色预警[I级/特别重大]",
        Description = "过去3小时天河区已出现100毫米以上降水，且降雨将持续。",
        Instruction = "停止集会、停课、停业（除特殊行业外）。",
        Contact = "",
        Parameters = [new NamedValue("rainfall_mm", "100.5")],
        Areas = [Area()],
    };

    private static TargetArea Area() => new()
    {
        AreaDesc = "广州市天河区",
        Polygons = [new GeoPolygon([new(23.10m, 113.30m), new(23.20m, 113.30m), new(23.20m, 113.40m), new(23.10m, 113.30m)])],
        Circles = [new GeoCircle(new GeoPoint(23.125m, 113.361m), 5500m)],
        Geocodes = [new NamedValue(TargetArea.AdminCodeName, "440106")],
    };
}
