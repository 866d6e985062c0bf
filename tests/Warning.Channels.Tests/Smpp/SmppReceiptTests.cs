using Warning.Channels.Smpp.Receipts;
using Warning.Engine.Persistence;

namespace Warning.Channels.Tests.Smpp;

public sealed class SmppReceiptTests
{
    [Fact]
    public void TryParse_StandardReceipt_ReadsIdStatAndError()
    {
        var receipt = SmppReceiptText.TryParse(
            "id:0000004096 sub:001 dlvrd:001 submit date:2511290900 done date:2511290901 stat:UNDELIV err:013 text:暴雨");
        Assert.Equal(new SmppReceiptText("0000004096", "UNDELIV", "013"), receipt);
    }

    [Fact]
    public void TryParse_FieldsReorderedAndLowerCase_StillParses()
    {
        Assert.Equal(new SmppReceiptText("ab12", "DELIVRD", null), SmppReceiptText.TryParse("stat:delivrd id:ab12 dlvrd:1"));
    }

    [Theory]
    [InlineData("sub:001 stat:DELIVRD")]
    [InlineData("id:42 sub:001")]
    [InlineData("")]
    public void TryParse_IdOrStatMissing_ReturnsNull(string text) => Assert.Null(SmppReceiptText.TryParse(text));

    [Theory]
    [InlineData("DELIVRD", DeliveryState.Delivered)]
    [InlineData("EXPIRED", DeliveryState.Expired)]
    [InlineData("UNDELIV", DeliveryState.Failed)]
    [InlineData("REJECTD", DeliveryState.Failed)]
    [InlineData("ACCEPTD", null)]
    [InlineData("ENROUTE", null)]
    public void FinalState_Stat_MapsFinalStatesOnly(string stat, DeliveryState? state) =>
        Assert.Equal(state, SmppReceiptText.FinalState(stat));

    [Theory]
    [InlineData("1a2b", "6699")] // hex in submit_sm_resp, decimal in the text
    [InlineData("1a2b", "0000006699")] // … zero-padded
    [InlineData("1A2B", "1a2b")] // case
    [InlineData("00042", "42")] // padding only
    [InlineData("6699", "1a2b")] // decimal in submit_sm_resp, hex in the text
    public void Resolve_IdInAnotherForm_FindsTheMessage(string submitted, string inReceipt)
    {
        var tracker = new SmppReceiptTracker(100);
        tracker.Begin(submitted, 1);
        Assert.Equal((submitted, DeliveryState.Delivered), tracker.Resolve([inReceipt], DeliveryState.Delivered));
    }

    [Fact]
    public void Resolve_ThreeParts_ReportsOnceAfterTheLastUnderTheFirstPartsId()
    {
        var tracker = new SmppReceiptTracker(100);
        var message = tracker.Begin("100a", 3);
        tracker.Add(message, 1, "100b");
        tracker.Add(message, 2, "100c");

        Assert.Null(tracker.Resolve(["100c"], DeliveryState.Delivered));
        Assert.Null(tracker.Resolve([Decimal("100a")], DeliveryState.Delivered));
        Assert.Equal(("100a", DeliveryState.Delivered), tracker.Resolve(["100b"], DeliveryState.Delivered));
        Assert.Null(tracker.Resolve(["100b"], DeliveryState.Delivered)); // a repeated receipt reports nothing more
    }

    [Fact]
    public void Resolve_OnePartFailed_ReportsTheFailure()
    {
        var tracker = new SmppReceiptTracker(100);
        var message = tracker.Begin("a1", 2);
        tracker.Add(message, 1, "a2");
        tracker.Resolve(["a1"], DeliveryState.Delivered);
        Assert.Equal(("a1", DeliveryState.Failed), tracker.Resolve(["a2"], DeliveryState.Failed));
    }

    [Fact]
    public void Resolve_UnknownOrForgottenId_PassesThroughUnderTheFirstId()
    {
        var tracker = new SmppReceiptTracker(capacity: 2);
        tracker.Begin("1", 2);
        tracker.Begin("2", 1);
        tracker.Begin("3", 1); // forgets "1"
        Assert.Equal(2, tracker.Count);
        Assert.Equal(("1", DeliveryState.Expired), tracker.Resolve(["1", "0001"], DeliveryState.Expired));
        Assert.Equal(("zz", DeliveryState.Delivered), tracker.Resolve(["zz"], DeliveryState.Delivered));
    }

    private static string Decimal(string hex) => Convert.ToUInt64(hex, 16).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
