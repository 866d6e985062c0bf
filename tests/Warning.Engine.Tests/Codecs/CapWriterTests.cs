using System.Xml.Linq;
using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class CapWriterTests
{
    private static readonly XNamespace Cap = CapConventions.Cap12Namespace;

    [Fact]
    public void Write_ChineseWarning_ReadsBackEqual()
    {
        var message = ChineseWarningSample.Create();

        var result = CapReader.Read(CapWriter.Write(message));

        Assert.Empty(result.Issues);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public void Write_ChineseWarning_ValidatesAgainstSchema()
    {
        var xml = CapWriter.Write(ChineseWarningSample.Create());

        Assert.Empty(CapSchemaValidator.Errors(xml));
    }

    [Fact]
    public void Write_Message_StartsWithUtf8DeclarationAndDefaultNamespace()
    {
        var xml = CapWriter.Write(ChineseWarningSample.Create());

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDocument_Times_UseOwnOffsetAndMinusZeroForUtc()
    {
        var message = ChineseWarningSample.Create() with { Sent = new DateTimeOffset(2024, 6, 1, 6, 30, 0, 123, TimeSpan.Zero) };

        var alert = CapWriter.ToDocument(message).Root!;

        Assert.Equal("2024-06-01T06:30:00-00:00", alert.Element(Cap + "sent")!.Value);
        Assert.Equal("2024-06-01T20:30:00+08:00", alert.Element(Cap + "info")!.Element(Cap + "expires")!.Value);
    }

    [Fact]
    public void ToDocument_Circle_WritesRadiusInKilometres()
    {
        var area = CapWriter.ToDocument(ChineseWarningSample.Create()).Root!.Element(Cap + "info")!.Element(Cap + "area")!;

        Assert.Equal("23.125,113.361 5.5", area.Element(Cap + "circle")!.Value);
        Assert.Equal("23.10,113.30 23.20,113.30 23.20,113.40 23.10,113.30", area.Element(Cap + "polygon")!.Value);
    }

    [Fact]
    public void ToDocument_Conventions_EventTypeAndLevelComeFirst()
    {
        var info = CapWriter.ToDocument(ChineseWarningSample.Create()).Root!.Element(Cap + "info")!;

        var firstCode = info.Element(Cap + "eventCode")!;
        var firstParameter = info.Element(Cap + "parameter")!;
        Assert.Equal(CapConventions.EventTypeCodeName, firstCode.Element(Cap + "valueName")!.Value);
        Assert.Equal("11B03", firstCode.Element(Cap + "value")!.Value);
        Assert.Equal(CapConventions.LevelParameter, firstParameter.Element(Cap + "valueName")!.Value);
        Assert.Equal("Red", firstParameter.Element(Cap + "value")!.Value);
    }

    [Fact]
    public void ToDocument_VeryLikely_IsWrittenAsLikely()
    {
        var message = ChineseWarningSample.Create();
        message = message with { Infos = [message.Infos[0] with { Certainty = CapCertainty.VeryLikely }] };

        var info = CapWriter.ToDocument(message).Root!.Element(Cap + "info")!;

        Assert.Equal("Likely", info.Element(Cap + "certainty")!.Value);
    }

    [Fact]
    public void ToDocument_EmptyStrings_AreKeptAsEmptyElements()
    {
        var alert = CapWriter.ToDocument(ChineseWarningSample.Create() with { Restriction = null, Source = null }).Root!;

        Assert.Equal("", alert.Element(Cap + "note")!.Value);
        Assert.Equal("", alert.Element(Cap + "info")!.Element(Cap + "contact")!.Value);
        Assert.Null(alert.Element(Cap + "source"));
    }

    [Fact]
    public void ToDocument_NoInfo_DropsMessageLevelConventions()
    {
        var message = ChineseWarningSample.Create() with { Infos = [] };

        var result = CapReader.Read(CapWriter.Write(message));

        Assert.Empty(result.Errors);
        Assert.Null(result.Message!.SenderCode);
        Assert.Empty(result.Message.Channels);
    }
}
