using Warning.Channels.Smpp;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Smpp;

public sealed class SmppResultMappingTests
{
    [Theory]
    [InlineData(0x58u, DeliveryStatus.TransientFailure, true)] // ESME_RTHROTTLED
    [InlineData(0x14u, DeliveryStatus.TransientFailure, true)] // ESME_RMSGQFUL
    [InlineData(0x08u, DeliveryStatus.TransientFailure, false)] // ESME_RSYSERR
    [InlineData(0x0Bu, DeliveryStatus.Rejected, false)] // ESME_RINVDSTADR
    [InlineData(0x45u, DeliveryStatus.Failed, false)] // ESME_RSUBMITFAIL
    public void ResultOf_SubmitSmRespStatus_MapsToTheContract(uint status, DeliveryStatus expected, bool throttled)
    {
        var result = SmppChannelAdapter.ResultOf(7, new SmppResponse(SmppOutcome.Answered, status, null), 0, 1, TimeSpan.FromSeconds(1));
        Assert.Equal((7, expected, throttled), (result.Recipient, result.Status, result.IsThrottled));
    }

    [Fact]
    public void ResultOf_NoAnswerOnALaterPart_IsUnknownAndSaysWhichPart()
    {
        var result = SmppChannelAdapter.ResultOf(7, SmppResponse.NoAnswer("no response within 10 s"), 1, 3, TimeSpan.FromSeconds(1));
        Assert.Equal(DeliveryStatus.Unknown, result.Status);
        Assert.Equal("part 2/3: no response within 10 s", result.Detail);
    }

    [Fact]
    public void ResultOf_NeverWritten_IsTransient()
    {
        Assert.Equal(DeliveryStatus.TransientFailure, SmppChannelAdapter.ResultOf(7, SmppResponse.NotSent("not bound"), 0, 1, TimeSpan.FromSeconds(1)).Status);
    }

    [Fact]
    public void ConcatenationReference_SameVersionAndRecipient_IsStable()
    {
        Assert.Equal(SmppChannelAdapter.ConcatenationReference("v1", 42), SmppChannelAdapter.ConcatenationReference("v1", 42));
        var references = Enumerable.Range(0, 1000).Select(r => SmppChannelAdapter.ConcatenationReference("v1", r)).Distinct().Count();
        Assert.True(references > 200, $"only {references} distinct references for 1000 recipients");
    }
}
