using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class Gb12379ReaderTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData(Gb12379Samples.RainstormUpdate)]
    [InlineData(Gb12379Samples.GaleCancel)]
    public void Read_Sample_HasNoIssues(string sample)
    {
        var result = Gb12379Reader.Read(Gb12379Samples.Text(sample));

        Assert.Empty(result.Issues);
        Assert.True(result.IsValid);
        Assert.Equal(WarningDialect.Gb12379, result.Dialect);
    }

    [Fact]
    public void Read_RainstormUpdate_MapsHeaderAndReferences()
    {
        var message = Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.RainstormUpdate)).Message!;

        Assert.Equal("44010641600000_20240601083000_0", message.Identifier);
        Assert.Equal("广州市天河区气象局", message.Sender);
        Assert.Equal("44010641600000", message.SenderCode);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 8, 30, 0, Beijing), message.Sent);
        Assert.Equal(MessageType.Update, message.MsgType);
        Assert.Equal(AlertStatus.Actual, message.Status);
        Assert.Equal("None", message.SecClassification);
        Assert.Equal("", message.Note);
        var reference = Assert.Single(message.References);
        Assert.Equal(new MessageReference(null, "44010641600000_20240601060000_0", new DateTimeOffset(2024, 6, 1, 6, 0, 0, Beijing)), reference);
    }

    [Fact]
    public void Read_RainstormUpdate_MapsEachChannelWithItsOwnText()
    {
        var channels = Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.RainstormUpdate)).Message!.Channels;

        Assert.Equal(["SMS", "LED", "SPEAKER"], channels.Select(c => c.Channel));
        Assert.All(channels, c => Assert.False(string.IsNullOrEmpty(c.Message)));
        Assert.StartsWith("【天河区气象局】", channels[0].Message, StringComparison.Ordinal);
        Assert.Equal(["g-tianhe-public", "g-flood-officials"], channels[0].AudienceGroups);
        Assert.Equal(["p-20031", "p-20417"], channels[0].AudiencePersons);
        Assert.Empty(channels[1].AudiencePersons);
        Assert.Equal(["spk-wushan", "spk-shipai", "spk-longdong"], channels[2].AudienceGroups);
    }

    [Fact]
    public void Read_RainstormUpdate_MapsLevelEventTypeAndArea()
    {
        var info = Assert.Single(Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.RainstormUpdate)).Message!.Infos);

        Assert.Equal(WarningLevel.Orange, info.Level);
        Assert.Equal(CapSeverity.Severe, info.Severity);
        Assert.Equal("暴雨", info.Event);
        Assert.Equal("11B03", info.EventType);
        Assert.Equal([CapCategory.Met], info.Categories);
        Assert.Equal(new DateTimeOffset(2024, 6, 2, 0, 30, 0, TimeSpan.Zero), info.Expires);
        var area = Assert.Single(info.Areas);
        Assert.Equal(["440106004000", "440106005000", "440106011000"], area.AdminCodes);
        var circle = Assert.Single(area.Circles);
        Assert.Equal(new GeoCircle(new GeoPoint(23.1291m, 113.3600m), 5000m), circle);
        var polygon = Assert.Single(area.Polygons);
        Assert.True(polygon.IsClosed);
        Assert.Equal(5, polygon.Points.Count);
        var resource = Assert.Single(info.Resources);
        Assert.Equal(48213, resource.Size);
    }

    [Fact]
    public void Read_GaleCancel_MapsReasonPracticeReferenceAndEmptyElements()
    {
        var message = Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.GaleCancel)).Message!;

        Assert.Equal(MessageType.Cancel, message.MsgType);
        Assert.StartsWith("全省风力已减弱", message.Note, StringComparison.Ordinal);
        Assert.Equal(new MessageReference(null, "41000041600000_20200204121842", new DateTimeOffset(2020, 2, 4, 12, 18, 42, Beijing)),
            Assert.Single(message.References));
        Assert.Null(message.Channels.Single(c => c.Channel == "WEB").Message);
        Assert.All(message.Channels, c => Assert.Empty(c.AudiencePersons));
        var info = Assert.Single(message.Infos);
        Assert.Equal(WarningLevel.Blue, info.Level);
        Assert.Equal(CapSeverity.Minor, info.Severity);
        Assert.Equal("11B06", info.EventType);
        Assert.EndsWith("[IV级/一般]", info.Headline, StringComparison.Ordinal);
        Assert.Null(info.Onset);
        Assert.Null(info.Expires);
        Assert.Equal("", info.Instruction);
        var area = Assert.Single(info.Areas);
        Assert.Empty(area.Polygons);
        Assert.Empty(area.Circles);
        Assert.Equal([new NamedValue(TargetArea.AdminCodeName, "410000000000")], area.Geocodes);
    }

    [Fact]
    public void Read_Stream_ReadsLikeText()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "gb12379", Gb12379Samples.GaleCancel));

        var fromStream = Gb12379Reader.Read(stream);

        Assert.Equal(Gb12379Reader.Read(Gb12379Samples.Text(Gb12379Samples.GaleCancel)).Message, fromStream.Message);
    }
}
