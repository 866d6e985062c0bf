using System.Text.RegularExpressions;
using System.Xml.Linq;
using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class Gb12379WriterTests
{
    private static WarningMessage CreateMessage() => new()
    {
        Identifier = "44010641600000_20240601083000_0",
        Sender = "广州市天河区气象局",
        SenderCode = "44010641600000",
        Sent = new DateTimeOffset(2024, 6, 1, 0, 30, 0, TimeSpan.Zero),
        Infos =
        [
            new WarningInfo
            {
                Event = "暴雨",
                EventType = "11B03",
                Level = WarningLevel.Red,
                Areas = [new TargetArea { AreaDesc = "天河区" }],
            },
        ],
    };

    [Theory]
    [InlineData(Gb12379Samples.RainstormUpdate)]
    [InlineData(Gb12379Samples.GaleCancel)]
    public void Write_ReadSample_ReadsBackEqual(string sample)
    {
        var first = Gb12379Reader.Read(Gb12379Samples.Text(sample)).Message!;

        var again = Gb12379Reader.Read(Gb12379Writer.Write(first));

        Assert.Empty(again.Issues);
        Assert.Equal(first, again.Message);
    }

    [Fact]
    public void Write_Sample_HasNoNamespaceAndBeijingTimesWithASpace()
    {
        var message = Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.RainstormUpdate)).Message!;

        var text = Gb12379Writer.Write(message);
        var document = XDocument.Parse(text);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("xmlns", text, StringComparison.Ordinal);
        Assert.All(document.Descendants(), e => Assert.Equal("", e.Name.NamespaceName));
        var times = new[] { "sendTime", "effective", "onset", "expires" }.Select(n => document.Descendants(n).Single().Value);
        Assert.All(times, t => Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+08:00$"), t));
    }

    [Fact]
    public void ToDocument_Sample_WritesElementsInDialectOrder()
    {
        var message = Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.RainstormUpdate)).Message!;

        var root = Gb12379Writer.ToDocument(message).Root!;

        Assert.Equal(
            ["identifier", "sender", "senderCode", "sendTime", "status", "msgType", "scope", "code", "secClassification", "note", "references", "info"],
            root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(
            ["language", "category", "event", "eventType", "urgency", "severity", "certainty", "effective", "onset", "expires",
             "senderName", "headline", "description", "instruction", "web", "contact", "resource", "area"],
            root.Element("info")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["areaDesc", "polygon", "circle", "geocode"],
            root.Element("info")!.Element("area")!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void ToDocument_UtcSent_WritesBeijingTime()
    {
        var root = Gb12379Writer.ToDocument(CreateMessage()).Root!;

        Assert.Equal("2024-06-01 08:30:00+08:00", root.Element("sendTime")!.Value);
    }

    [Fact]
    public void ToDocument_MinimalMessage_OmitsAbsentOptionalElements()
    {
        var root = Gb12379Writer.ToDocument(CreateMessage() with { SenderCode = null }).Root!;

        Assert.Equal(["identifier", "sender", "sendTime", "status", "msgType", "scope", "info"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["event", "eventType", "urgency", "severity", "certainty", "area"],
            root.Element("info")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Red", root.Element("info")!.Element("severity")!.Value);
    }

    [Fact]
    public void ToDocument_NoLevel_WritesUnknownSeverity()
    {
        var message = CreateMessage();
        message = message with { Infos = [message.Infos[0] with { Level = null, Severity = CapSeverity.Extreme }] };

        Assert.Equal("Unknown", Gb12379Writer.ToDocument(message).Root!.Element("info")!.Element("severity")!.Value);
    }

    [Fact]
    public void ToDocument_SeveralReferencesAndInfos_WritesOnlyTheFirst()
    {
        var message = CreateMessage() with
        {
            References =
            [
                new MessageReference("a", "44010641600000_20240601060000_0", null),
                new MessageReference("a", "44010641600000_20240601070000_0", null),
            ],
        };
        message = message with { Infos = [message.Infos[0], message.Infos[0] with { Event = "雷电" }] };

        var root = Gb12379Writer.ToDocument(message).Root!;

        Assert.Equal("44010641600000_20240601060000_0", root.Element("references")!.Value);
        Assert.Equal("暴雨", Assert.Single(root.Elements("info")).Element("event")!.Value);
    }

    [Fact]
    public void ToDocument_NoInfo_WritesNoInfo()
    {
        Assert.Empty(Gb12379Writer.ToDocument(CreateMessage() with { Infos = [] }).Root!.Elements("info"));
    }

    [Fact]
    public void ToDocument_ChannelWithoutMessage_WritesEmptyMessageAndCommaLists()
    {
        var message = CreateMessage() with
        {
            Channels = [new ChannelDirective("SMS", null, ["g1", "g2"], ["p1"]), new ChannelDirective("WeChat")],
            BlockedChannels = ["TV"],
            TargetGroups = ["officials"],
            Status = AlertStatus.Exercise,
        };

        var root = Gb12379Writer.ToDocument(message).Root!;

        var methods = root.Element("code")!.Elements("method").ToList();
        Assert.Equal("", methods[0].Element("message")!.Value);
        Assert.Equal("g1,g2", methods[0].Element("audienceGrp")!.Value);
        Assert.Equal("p1", methods[0].Element("audiencePrt")!.Value);
        Assert.Equal("WeChat", methods[1].Element("methodName")!.Value);
        Assert.Equal("Exercise", root.Element("status")!.Value);
    }

    [Fact]
    public void ToDocument_AreaGeometry_WritesAdminCodesAndRadiusInMetres()
    {
        var area = new TargetArea
        {
            AreaDesc = "天河区",
            Circles = [new GeoCircle(new GeoPoint(23.1291m, 113.36m), 2500m)],
            Polygons = [new GeoPolygon([new(23.1m, 113.3m), new(23.2m, 113.3m), new(23.2m, 113.4m), new(23.1m, 113.3m)])],
            Geocodes = [new(TargetArea.AdminCodeName, "440106000000"), new("UGC", "XYZ001"), new(TargetArea.AdminCodeName, "440106004000")],
        };
        var message = CreateMessage();
        message = message with { Infos = [message.Infos[0] with { Areas = [area] }] };

        var written = Gb12379Writer.ToDocument(message).Root!.Element("info")!.Element("area")!;

        Assert.Equal("23.1291,113.36 2500", written.Element("circle")!.Value);
        Assert.Equal("23.1,113.3 23.2,113.3 23.2,113.4 23.1,113.3", written.Element("polygon")!.Value);
        Assert.Equal("440106000000,440106004000", Assert.Single(written.Elements("geocode")).Value);
    }
}
