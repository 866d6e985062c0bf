using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class CapReaderConventionTests
{
    [Fact]
    public void Read_ConventionParameters_AreLiftedOutOfLists()
    {
        var body = "<eventCode><valueName>GB/T35561</valueName><value>11B03</value></eventCode>"
            + CapXml.Parameter("CN-12379:level", "Orange")
            + CapXml.Parameter("CN-12379:senderCode", "44010641600000")
            + CapXml.Parameter("CN-12379:secClassification", "None")
            + CapXml.Parameter("CN-12379:targetGroup", "public")
            + CapXml.Parameter("BLOCKCHANNEL", "LED")
            + CapXml.Parameter("CN-12379:method:WeChat:audienceGrp", "G1 G2")
            + CapXml.Parameter("CN-12379:method:SMS", "短信正文")
            + CapXml.Parameter("CN-12379:method:WeChat", "")
            + CapXml.Parameter("plain", "kept");

        var message = CapReader.Read(CapXml.Alert(CapXml.Info(body))).Message!;

        var info = message.Infos[0];
        Assert.Equal("11B03", info.EventType);
        Assert.Empty(info.EventCodes);
        Assert.Equal(WarningLevel.Orange, info.Level);
        Assert.Equal([new NamedValue("plain", "kept")], info.Parameters);
        Assert.Equal("44010641600000", message.SenderCode);
        Assert.Equal("None", message.SecClassification);
        Assert.Equal(["public"], message.TargetGroups);
        Assert.Equal(["LED"], message.BlockedChannels);
        Assert.Equal(
            [new ChannelDirective("WeChat", null, ["G1", "G2"], []), new ChannelDirective("SMS", "短信正文")],
            message.Channels);
    }

    [Fact]
    public void Read_ConventionsInSecondInfo_AreCollectedAtMessageLevel()
    {
        var xml = CapXml.Alert(CapXml.Info() + CapXml.Info(CapXml.Parameter("CN-12379:targetGroup", "schools")));

        var message = CapReader.Read(xml).Message!;

        Assert.Equal(["schools"], message.TargetGroups);
    }

    [Fact]
    public void Read_NoLevelParameter_LevelFollowsSeverity()
    {
        var message = CapReader.Read(CapXml.Alert(CapXml.Info())).Message!;

        Assert.Equal(WarningLevel.Orange, message.Infos[0].Level);
    }

    [Fact]
    public void Read_UnknownLevel_IsInvalidValue()
    {
        var result = CapReader.Read(CapXml.Alert(CapXml.Info(CapXml.Parameter("x", "y") + CapXml.Parameter("CN-12379:level", "Purple"))));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.InvalidValue, issue.Code);
        Assert.Equal("/alert/info[1]/parameter[2]", issue.Path);
    }
}
