using CsCheck;
using Warning.Engine.Alerts;

namespace Warning.Engine.Tests.Codecs;

/// <summary>
/// Random valid warnings for the round-trip properties. <see cref="Gb12379"/> stays within what the
/// 12379 dialect can carry; <see cref="Cap"/> adds what only CAP carries (codes, parameters, event codes,
/// blocked channels, target groups, several info blocks).
/// </summary>
internal static class WarningGenerators
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly string[] Departments = ["海珠区应急管理局", "越秀区气象局", "天河区水务局", "番禺区自然资源局"];
    private static readonly string[] Methods = ["SMS", "LED", "SPEAKER", "WEB", "BROADCAST"];
    private const string TextChars = "暴雨预警请注意防范转移群众山洪地质灾害风险较高abcXYZ0123456789，。！：（）《》-_/ &<>\"'";

    private static readonly Gen<string> Text = Gen.String[Gen.Char[TextChars], 1, 60]
        .Select(s => s.Trim()).Where(s => s.Length > 0);

    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12];

    private static readonly Gen<DateTimeOffset> Time =
        Gen.Int[0, 5 * 365 * 24 * 3600].Select(s => new DateTimeOffset(2024, 1, 1, 0, 0, 0, Beijing).AddSeconds(s));

    private static readonly Gen<decimal> Latitude = Gen.Int[18_0000, 53_0000].Select(v => v / 10000m);
    private static readonly Gen<decimal> Longitude = Gen.Int[73_0000, 135_0000].Select(v => v / 10000m);
    private static readonly Gen<GeoPoint> Point = Gen.Select(Latitude, Longitude, (lat, lon) => new GeoPoint(lat, lon));

    private static readonly Gen<GeoPolygon> Polygon = Point.Array[3, 6]
        .Select(points => new GeoPolygon([.. points, points[0]]));

    private static readonly Gen<GeoCircle> Circle = Gen.Select(Point, Gen.Int[0, 50_000], (c, r) => new GeoCircle(c, r));

    private static readonly Gen<string> AdminCode = Gen.OneOf(
        Gen.Int[110000, 659999].Select(c => c.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Long[440100000000, 440199999999].Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Gen<ChannelDirective> Directive(string method) =>
        Gen.Select(Text.Null(), Token.Array[0, 3], Token.Array[0, 3],
            (message, groups, persons) => new ChannelDirective(method, message, [.. groups], [.. persons]));

    private static readonly Gen<TargetArea> Area = Gen.Select(Text, Polygon.Array[0, 2], Circle.Array[0, 2], AdminCode.Array[0, 4],
        (desc, polygons, circles, codes) => new TargetArea
        {
            AreaDesc = desc,
            Polygons = [.. polygons],
            Circles = [.. circles],
            Geocodes = [.. codes.Select(c => new NamedValue(TargetArea.AdminCodeName, c))],
        });

    private static readonly Gen<ChannelDirective[]> Directives = Gen.Select(
        Directive(Methods[0]).Null(), Directive(Methods[1]).Null(), Directive(Methods[2]).Null(),
        Directive(Methods[3]).Null(), Directive(Methods[4]).Null(),
        (a, b, c, d, e) => new[] { a, b, c, d, e }.OfType<ChannelDirective>().ToArray());

    private static readonly Gen<WarningInfo> Info = Gen.Select(Gen.Int[0, EventTypeCatalogue.All.Count - 1], Gen.Enum<WarningLevel>(),
            Gen.Enum<CapUrgency>(), Gen.OneOf(CapCertainty.Observed, CapCertainty.Likely, CapCertainty.Possible,
                CapCertainty.Unlikely, CapCertainty.Unknown), Gen.Select(Time.Nullable(), Time.Nullable(), Time.Nullable()),
            Gen.Select(Text.Null(), Text.Null(), Text.Null(), Text.Null(), Text.Null()), Area.Array[1, 3])
        .Select((type, level, urgency, certainty, times, texts, areas) =>
        {
            var eventType = EventTypeCatalogue.All.ElementAt(type);
            return new WarningInfo
            {
                Language = "zh-CN",
                Categories = [eventType.Category],
                Event = eventType.ChineseName,
                EventType = eventType.Code,
                Level = level,
                Severity = level.ToCapSeverity(),
                Urgency = urgency,
                Certainty = certainty,
                Effective = times.Item1,
                Onset = times.Item2,
                Expires = times.Item3,
                SenderName = texts.Item1,
                Headline = texts.Item2,
                Description = texts.Item3,
                Instruction = texts.Item4,
                Contact = texts.Item5,
                Areas = [.. areas],
            };
        });

    /// <summary>A valid warning that the 12379 dialect carries whole.</summary>
    public static readonly Gen<WarningMessage> Gb12379 = Gen.Select(Gen.Int[0, Departments.Length - 1], Time, Gen.Int[0, 9],
            Gen.OneOf(AlertStatus.Actual, AlertStatus.Exercise, AlertStatus.Test),
            Gen.OneOf(MessageType.Alert, MessageType.Update, MessageType.Cancel),
            Gen.Select(Gen.OneOf<string?>(null, "None", "Inner"), Text, Gen.Int[60, 86_400]), Directives, Info)
        .Select((dept, sent, n, status, type, extra, directives, info) =>
        {
            const string senderCode = "44010541600000";
            var first = GbIdentifier.Create(senderCode, sent.AddSeconds(-extra.Item3), 0);
            return new WarningMessage
            {
                Identifier = GbIdentifier.Create(senderCode, sent, n).ToString(),
                Sender = Departments[dept],
                SenderCode = senderCode,
                Sent = sent,
                Status = status,
                MsgType = type,
                SecClassification = extra.Item1,
                Note = type == MessageType.Cancel ? extra.Item2 : null,
                References = type == MessageType.Alert ? [] : [new MessageReference(null, first.ToString(), first.SentAt)],
                Channels = [.. directives],
                Infos = [info with { Expires = ExpiryAfter(sent, info) }],
            };
        });

    /// <summary>A valid warning expires after it is sent and after it takes effect.</summary>
    private static DateTimeOffset? ExpiryAfter(DateTimeOffset sent, WarningInfo info) =>
        info.Expires is not { } drawn ? null
        : (info.Effective > sent ? info.Effective.Value : sent).AddMinutes(1 + (drawn.Minute * 60) + drawn.Second);

    /// <summary>A valid warning using what CAP carries beyond 12379.</summary>
    public static readonly Gen<WarningMessage> Cap = Gen.Select(Gb12379, Token.Array[0, 3], Token.Array[0, 2], Info.Array[0, 2],
            Gen.Select(Token, Text).Array[0, 3])
        .Select((message, groups, blocked, moreInfos, parameters) => message with
        {
            References = [.. message.References.Select(r => r with { Sender = message.Sender })],
            // Target groups and blocked channels are sets: a reader keeps each once, so draw them distinct.
            TargetGroups = [.. groups.Distinct(StringComparer.Ordinal)],
            BlockedChannels = [.. blocked.Distinct(StringComparer.Ordinal)],
            Codes = ["CN-12379:1.0"],
            Infos = [message.Infos[0] with { Parameters = [.. parameters.Select(p => new NamedValue("p-" + p.Item1, p.Item2))] },
                .. moreInfos.Select(i => i with { Expires = ExpiryAfter(message.Sent, i) })],
        });
}
