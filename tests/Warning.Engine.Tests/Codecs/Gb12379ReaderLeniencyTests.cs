using System.Xml.Linq;
using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class Gb12379ReaderLeniencyTests
{
    private static WarningMessage ReadAltered(Action<XElement> change)
    {
        var result = Gb12379Reader.Read(Gb12379Samples.Altered(Gb12379Samples.RainstormUpdate, change));
        Assert.Empty(result.Issues);
        return result.Message!;
    }

    [Fact]
    public void Read_ElementsInAnotherOrder_ReadsTheSameMessage()
    {
        var expected = Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.RainstormUpdate)).Message;

        var actual = ReadAltered(root =>
        {
            var children = root.Elements().Reverse().ToList();
            root.ReplaceNodes(children);
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_NoEventElementButKnownType_TakesNameFromCatalogueWithWarning()
    {
        var result = Gb12379Reader.Read(Gb12379Samples.Altered(Gb12379Samples.RainstormUpdate,
            root => root.Element("info")!.Element("event")!.Remove()));

        Assert.True(result.IsValid);
        Assert.Equal("暴雨", result.Message!.Infos[0].Event);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("/alert/info[1]/event", IssueSeverity.Warning), (issue.Path, issue.Severity));
    }

    [Fact]
    public void Read_NoEventElementAndUnknownType_IsMissingElement()
    {
        var result = Gb12379Reader.Read(Gb12379Samples.Altered(Gb12379Samples.RainstormUpdate, root =>
        {
            root.Element("info")!.Element("event")!.Remove();
            root.Element("info")!.Element("eventType")!.Value = "11B88";
        }));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == "/alert/info[1]/event" && e.Code == IssueCodes.MissingElement);
    }

    [Fact]
    public void Read_UnknownSeverity_HasNoLevel()
    {
        var info = ReadAltered(root => root.Element("info")!.Element("severity")!.Value = "Unknown").Infos[0];

        Assert.Null(info.Level);
        Assert.Equal(CapSeverity.Unknown, info.Severity);
    }

    [Fact]
    public void Read_UpperCaseColourAndVeryLikely_AreMapped()
    {
        var info = ReadAltered(root =>
        {
            root.Element("info")!.Element("severity")!.Value = "RED";
            root.Element("info")!.Element("certainty")!.Value = "VeryLikely";
        }).Infos[0];

        Assert.Equal(WarningLevel.Red, info.Level);
        Assert.Equal(CapSeverity.Extreme, info.Severity);
        Assert.Equal(CapCertainty.VeryLikely, info.Certainty);
    }

    [Fact]
    public void Read_NoUrgency_DefaultsToUnknown()
    {
        var info = ReadAltered(root => root.Element("info")!.Element("urgency")!.Remove()).Infos[0];

        Assert.Equal(CapUrgency.Unknown, info.Urgency);
    }

    [Fact]
    public void Read_SeveralReferences_GivesOneReferenceEach()
    {
        var message = ReadAltered(root => root.Element("references")!.Value = "44010641600000_20240601060000_0  legacy-17\n");

        Assert.Equal(
            [new MessageReference(null, "44010641600000_20240601060000_0", new DateTimeOffset(2024, 5, 31, 22, 0, 0, TimeSpan.Zero)),
             new MessageReference(null, "legacy-17", null)],
            message.References);
    }

    [Fact]
    public void Read_MisspeltAudencePrt_IsAccepted()
    {
        var message = ReadAltered(root =>
        {
            var sms = root.Element("code")!.Element("method")!;
            sms.Element("audiencePrt")!.Remove();
            sms.Add(new XElement("audenceprt", "p-1,"));
        });

        Assert.Equal(["p-1"], message.Channels[0].AudiencePersons);
    }

    [Fact]
    public void Read_SeveralGeocodeElements_AreAllAdminCodes()
    {
        var message = ReadAltered(root => root.Element("info")!.Element("area")!.Add(new XElement("geocode", " 440106001000 ,")));

        Assert.Equal(4, message.Infos[0].Areas[0].AdminCodes.Count());
        Assert.Equal("440106001000", message.Infos[0].Areas[0].AdminCodes.Last());
    }
}
