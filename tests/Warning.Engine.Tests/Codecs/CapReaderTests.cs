using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class CapReaderTests
{
    [Fact]
    public void Read_PrefixedSample_MapsFields()
    {
        var message = CapReader.Read(CapTestData.Text("australia.cap")).Message!;

        Assert.Equal("webmaster@rfs.nsw.gov.au", message.Sender);
        Assert.Equal(new DateTimeOffset(2011, 10, 5, 23, 4, 0, TimeSpan.FromHours(10)), message.Sent);
        Assert.Equal(2, message.Infos.Count);
        Assert.Equal([CapCategory.Fire, CapCategory.Met], message.Infos[0].Categories);
        Assert.Equal(25000m, message.Infos[0].Areas[0].Circles[0].RadiusMetres);
        Assert.Equal("", message.Infos[0].Parameters.Single(p => p.Name == "AllocatedResources").Value);
    }

    [Fact]
    public void Read_EmptyElements_MapToEmptyStrings()
    {
        var message = CapReader.Read(CapTestData.Text("canada.cap")).Message!;

        Assert.Equal("", message.Restriction);
        Assert.Equal("", message.Note);
        Assert.Equal("", message.Infos[0].Contact);
        Assert.Null(message.Infos[0].Onset);
    }

    [Fact]
    public void Read_References_ParsesTriplets()
    {
        var message = CapReader.Read(CapTestData.Text("canada.cap")).Message!;

        Assert.Equal(2, message.References.Count);
        Assert.Equal(new MessageReference("cap@ec.gc.ca", "2.49.0.1.124.a3f342a4.2012",
            new DateTimeOffset(2012, 5, 2, 21, 45, 5, TimeSpan.Zero)), message.References[0]);
    }

    [Fact]
    public void Read_MalformedReferences_IsInvalidReferences()
    {
        var result = CapReader.Read(CapXml.Alert(extra: "<references>sender@example.org,only-two</references>"));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.InvalidReferences, issue.Code);
        Assert.Equal("/alert/references", issue.Path);
    }

    [Theory]
    [InlineData("2024-06-01 14:30:00+08:00", 0)]
    [InlineData("2024-06-01T14:30:00.250+08:00", 250)]
    public void Read_LenientTimes_AreAccepted(string sent, int milliseconds)
    {
        var result = CapReader.Read(CapXml.Alert(sent: sent, ns: CapXml.Cap11));

        Assert.Empty(result.Issues);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 14, 30, 0, milliseconds, TimeSpan.FromHours(8)), result.Message!.Sent);
    }

    [Fact]
    public void Read_TimeWithZ_IsInvalidDateTime()
    {
        var result = CapReader.Read(CapXml.Alert(sent: "2024-06-01T06:30:00Z"));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.InvalidDateTime, issue.Code);
        Assert.Equal("/alert/sent", issue.Path);
        Assert.Contains("write UTC as -00:00", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VeryLikelyInCap11_MapsWithoutError()
    {
        var result = CapReader.Read(CapXml.Alert(CapXml.Info(certainty: "Very Likely"), ns: CapXml.Cap11));

        Assert.Empty(result.Issues);
        Assert.Equal(CapCertainty.VeryLikely, result.Message!.Infos[0].Certainty);
    }

    [Fact]
    public void Read_VeryLikelyInCap12_IsInvalidValue()
    {
        var result = CapReader.Read(CapXml.Alert(CapXml.Info(certainty: "Very Likely")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.InvalidValue, issue.Code);
        Assert.Equal("/alert/info[1]/certainty", issue.Path);
    }

    [Fact]
    public void Read_UnparseablePolygon_IsInvalidPolygonWithPath()
    {
        var area = CapXml.Area("<polygon>1,2 3,4 5,6 1,2</polygon>") + CapXml.Area("<polygon>1,2 x 5,6 1,2</polygon>");

        var result = CapReader.Read(CapXml.Alert(CapXml.Info(area: area)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.InvalidPolygon, issue.Code);
        Assert.Equal("/alert/info[1]/area[2]/polygon[1]", issue.Path);
    }

    [Fact]
    public void Read_UnparseableCircle_IsInvalidCircle()
    {
        var result = CapReader.Read(CapXml.Alert(CapXml.Info(area: CapXml.Area("<circle>23.1,113.3</circle>"))));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.InvalidCircle, issue.Code);
        Assert.Equal("/alert/info[1]/area[1]/circle[1]", issue.Path);
    }

    [Fact]
    public void Read_MissingInfoElements_NamesEachOne()
    {
        var xml = CapXml.Alert("<info><category>Met</category><urgency>Immediate</urgency></info>");

        var result = CapReader.Read(xml);

        Assert.Equal(
            ["/alert/info[1]/event", "/alert/info[1]/severity", "/alert/info[1]/certainty"],
            result.Issues.Select(i => i.Path));
        Assert.All(result.Issues, i => Assert.Equal(IssueCodes.MissingElement, i.Code));
    }

    [Fact]
    public void Read_SchemaOrderViolation_IsSchemaIssueWithPath()
    {
        var xml = CapXml.Alert(CapXml.Info(body: "<audience>x</audience>").Replace("<event>暴雨</event>", "", StringComparison.Ordinal)
            .Replace("<category>Met</category>", "<event>暴雨</event><category>Met</category>", StringComparison.Ordinal));

        var result = CapReader.Read(xml);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.Schema, issue.Code);
        Assert.StartsWith("/alert/info[1]/", issue.Path, StringComparison.Ordinal);
        Assert.StartsWith("Line ", issue.Message, StringComparison.Ordinal);
    }
}
