using Warning.Channels.Sandbox;
using Warning.Channels.Tests.Contract;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Sandbox;

public sealed class SandboxChannelAdapterTests : ChannelAdapterContractTests<SandboxChannelAdapter>
{
    private readonly SandboxRecorder _recorder = new();

    protected override SandboxChannelAdapter CreateSut() => new(new SandboxChannelOptions { MaxBatchSize = 50 }, _recorder, TimeProvider.System);

    protected override SandboxChannelAdapter CreateSutWithFailingProvider() =>
        new(new SandboxChannelOptions { TransientFailureRate = 1 }, _recorder, TimeProvider.System);

    protected override string AddressFor(int recipient) => $"1380000{recipient:D4}";

    [Fact]
    public async Task SendAsync_SameRecipientTwice_CountsOneDuplicate()
    {
        var sut = CreateSut();
        await sut.SendAsync(Batch(3, "x"), TestContext.Current.CancellationToken);
        await sut.SendAsync(Batch(1, "x"), TestContext.Current.CancellationToken);
        var tally = _recorder.For("version-1", "sms");
        Assert.Equal((4, 1, 3), (tally.Sends, tally.Duplicates, tally.Distinct));
        Assert.True(tally.Received(2));
        Assert.False(tally.Received(4));
    }

    [Fact]
    public async Task SendAsync_RejectRateOne_RejectsAndRecordsNothing()
    {
        var sut = new SandboxChannelAdapter(new SandboxChannelOptions { RejectRate = 1 }, _recorder, TimeProvider.System);
        var results = await sut.SendAsync(Batch(1, "x"), TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Rejected, Assert.Single(results).Status);
        Assert.Equal(0, _recorder.TotalSends);
    }

    [Fact]
    public void Record_ConcurrentWriters_CountsEveryDuplicateExactlyOnce()
    {
        var tally = new SandboxTally();
        Parallel.For(0, 4, _ =>
        {
            for (var r = 0; r < 100_000; r++)
            {
                tally.Record(r * 7);
            }
        });
        Assert.Equal((400_000, 300_000), (tally.Sends, tally.Duplicates));
    }
}
