using System.Xml.Linq;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class Gb12379ReaderIssueTests
{
    private static ReadResult ReadAltered(Action<XElement> change) =>
        Gb12379Reader.Read(Gb12379Samples.Altered(Gb12379Samples.RainstormUpdate, change));

    private static ValidationIssue SingleIssue(ReadResult result, string code) =>
        Assert.Single(result.Issues, i => i.Code == code);

    [Fact]
    public void Read_MissingEventType_ReportsMissingElementAtItsPath()
    {
        var result = ReadAltered(root => root.Element("info")!.Element("eventType")!.Remove());

        var issue = SingleIssue(result, IssueCodes.MissingElement);
        Assert.Equal("/alert/info[1]/eventType", issue.Path);
        Assert.Contains("eventType", issue.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Read_EmptyAreaDescInSecondArea_ReportsOneBasedPath()
    {
        var result = ReadAltered(root =>
        {
            var info = root.Element("info")!;
            info.Add(new XElement("area", new XElement("areaDesc", " "), new XElement("geocode", "440106000000")));
        });

        Assert.Equal("/alert/info[1]/area[2]/areaDesc", SingleIssue(result, IssueCodes.MissingElement).Path);
    }

    [Fact]
    public void Read_NoInfo_ReportsMissingInfo()
    {
        var result = ReadAltered(root => root.Element("info")!.Remove());

        Assert.Equal("/alert/info", SingleIssue(result, IssueCodes.MissingElement).Path);
    }

    [Fact]
    public void Read_CapNamespacedRoot_ReportsUnknownDialect()
    {
        var result = Gb12379Reader.Read("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifier></alert>");

        Assert.Contains("namespace", SingleIssue(result, IssueCodes.UnknownDialect).Message, StringComparison.Ordinal);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Read_OtherRoot_ReportsUnknownDialect()
    {
        SingleIssue(Gb12379Reader.Read("<feed><entry/></feed>"), IssueCodes.UnknownDialect);
    }

    [Fact]
    public void Read_Dtd_ReportsUnsafeXml()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
            "<alert><identifier>&xxe;</identifier></alert>";

        var result = Gb12379Reader.Read(xml);

        SingleIssue(result, IssueCodes.UnsafeXml);
        Assert.Equal(WarningDialect.Gb12379, result.Dialect);
    }

    [Fact]
    public void Read_NotWellFormed_ReportsMalformedXml()
    {
        SingleIssue(Gb12379Reader.Read("<alert><identifier></alert>"), IssueCodes.MalformedXml);
    }

    [Fact]
    public void Read_UnknownColour_ReportsInvalidValue()
    {
        var result = ReadAltered(root => root.Element("info")!.Element("severity")!.Value = "Purple");

        var issue = SingleIssue(result, IssueCodes.InvalidValue);
        Assert.Equal("/alert/info[1]/severity", issue.Path);
        Assert.Contains("Purple", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadStatus_ReportsInvalidValue()
    {
        var result = ReadAltered(root => root.Element("status")!.Value = "1");

        Assert.Equal("/alert/status", SingleIssue(result, IssueCodes.InvalidValue).Path);
    }

    [Fact]
    public void Read_TimeWithoutOffset_ReportsInvalidDateTime()
    {
        var result = ReadAltered(root => root.Element("sendTime")!.Value = "2024-06-01 08:30:00");

        var issue = SingleIssue(result, IssueCodes.InvalidDateTime);
        Assert.Equal("/alert/sendTime", issue.Path);
        Assert.Contains("offset", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-06-01X08:30:00+08:00")]
    [InlineData("2024-13-01 08:30:00+08:00")]
    [InlineData("2024-06-01 08:30:00+25:00")]
    public void Read_BadTime_ReportsInvalidDateTime(string text)
    {
        var result = ReadAltered(root => root.Element("info")!.Element("expires")!.Value = text);

        Assert.Equal("/alert/info[1]/expires", SingleIssue(result, IssueCodes.InvalidDateTime).Path);
    }

    [Theory]
    [InlineData("2024-06-01T08:30:00+08:00")]
    [InlineData("2024-06-01T00:30:00Z")]
    [InlineData("2024-06-01 00:30:00-00:00")]
    [InlineData("2024-06-01 08:30:00+0800")]
    public void Read_TimeVariants_AreAccepted(string text)
    {
        var result = ReadAltered(root => root.Element("sendTime")!.Value = text);

        Assert.Empty(result.Issues);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 30, 0, TimeSpan.Zero), result.Message!.Sent);
    }

    [Fact]
    public void Read_NonGbIdentifier_IsOnlyAWarning()
    {
        var result = ReadAltered(root => root.Element("identifier")!.Value = "TH-2024-0601-001");

        var issue = SingleIssue(result, IssueCodes.InvalidIdentifier);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.True(result.IsValid);
        Assert.Equal("TH-2024-0601-001", result.Message!.Identifier);
    }

    [Fact]
    public void Read_ShortSenderCode_ReportsInvalidValue()
    {
        var result = ReadAltered(root => root.Element("senderCode")!.Value = "440106416");

        Assert.Equal("/alert/senderCode", SingleIssue(result, IssueCodes.InvalidValue).Path);
    }

    [Theory]
    [InlineData("11b03")]
    [InlineData("暴雨")]
    [InlineData("11B031")]
    public void Read_BadEventType_ReportsInvalidEventType(string eventType)
    {
        var result = ReadAltered(root => root.Element("info")!.Element("eventType")!.Value = eventType);

        Assert.Equal("/alert/info[1]/eventType", SingleIssue(result, IssueCodes.InvalidEventType).Path);
    }

    [Theory]
    [InlineData("polygon", "23.16;113.33 23.17,113.34", "InvalidPolygon")]
    [InlineData("polygon", "23.16,113.33", "InvalidPolygon")]
    [InlineData("polygon", "91,113.33 23.17,113.34", "InvalidPolygon")]
    [InlineData("circle", "23.1291,113.36", "InvalidCircle")]
    [InlineData("circle", "23.1291,113.36 -5", "InvalidCircle")]
    [InlineData("circle", "23.1291 113.36 5000", "InvalidCircle")]
    public void Read_BadGeometry_ReportsItsCode(string element, string text, string code)
    {
        var result = ReadAltered(root => root.Element("info")!.Element("area")!.Element(element)!.Value = text);

        Assert.Equal($"/alert/info[1]/area[1]/{element}[1]", SingleIssue(result, code).Path);
    }
}
