using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

/// <summary>The 12379 samples taken to CAP 1.2 and back keep everything both dialects carry.</summary>
public sealed class CrossDialectTests
{
    [Theory]
    [InlineData("rainstorm-update.xml")]
    [InlineData("gale-cancel.xml")]
    public void Gb12379ToCapAndBack_Sample_KeepsLevelTypeAreasReferencesAndChannelText(string sample)
    {
        var original = Gb12379Reader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "gb12379", sample)));
        Assert.True(original.IsValid, string.Join("; ", original.Issues));

        var cap = CapReader.Read(CapWriter.Write(original.Message!));
        Assert.True(cap.IsValid, string.Join("; ", cap.Issues));
        var back = Gb12379Reader.Read(Gb12379Writer.Write(cap.Message!));
        Assert.True(back.IsValid, string.Join("; ", back.Issues));

        var (before, after) = (original.Message!, back.Message!);
        Assert.Equal(before.Infos[0].Level, after.Infos[0].Level);
        Assert.Equal(before.Infos[0].EventType, after.Infos[0].EventType);
        Assert.Equal(before.Infos[0].Areas, after.Infos[0].Areas);
        Assert.Equal(before.References, after.References);
        Assert.Equal(before.Channels, after.Channels);
        Assert.Equal(before.MsgType, after.MsgType);
        Assert.Equal(before.Note, after.Note);
    }

    [Fact]
    public void WarningXmlRead_EitherDialect_PicksTheRightReader()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData");
        Assert.Equal(WarningDialect.Cap12, WarningXml.Read(File.ReadAllText(Path.Combine(root, "cap", "canada.cap"))).Dialect);
        Assert.Equal(WarningDialect.Cap11, WarningXml.Read(File.ReadAllText(Path.Combine(root, "cap", "weather.cap"))).Dialect);
        Assert.Equal(WarningDialect.Gb12379, WarningXml.Read(File.ReadAllText(Path.Combine(root, "gb12379", "gale-cancel.xml"))).Dialect);
        Assert.Equal(IssueCodes.UnknownDialect, WarningXml.Read("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>").Issues[0].Code);
    }
}
