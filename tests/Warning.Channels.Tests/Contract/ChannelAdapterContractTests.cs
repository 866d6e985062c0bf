using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Contract;

/// <summary>
/// The contract every channel adapter passes (house-style §2): one result per recipient in order, results not
/// exceptions for expected failures, cancellation honoured, limits declared and kept. A new adapter is done when
/// its subclass of this suite passes, together with its test against the real protocol peer.
/// </summary>
public abstract class ChannelAdapterContractTests<TAdapter>
    where TAdapter : IChannelAdapter
{
    /// <summary>An adapter whose provider accepts everything.</summary>
    protected abstract TAdapter CreateSut();

    /// <summary>An adapter whose provider answers every call with a transient error (HTTP 5xx, SMPP throttling …).</summary>
    protected abstract TAdapter CreateSutWithFailingProvider();

    /// <summary>An address the adapter's provider accepts for recipient <paramref name="recipient"/>.</summary>
    protected abstract string AddressFor(int recipient);

    [Fact]
    public void Capabilities_Always_DeclareUsableLimits()
    {
        var sut = CreateSut();
        Assert.False(string.IsNullOrWhiteSpace(sut.Name));
        Assert.True(sut.Capabilities.MaxBatchSize >= 1);
        Assert.True(sut.Capabilities.MaxTextLength >= 1);
    }

    [Fact]
    public async Task SendAsync_FullBatch_ReturnsOneResultPerRecipientInOrder()
    {
        var sut = CreateSut();
        var batch = Batch(sut.Capabilities.MaxBatchSize, "暴雨红色预警：请立即转移。");
        var results = await sut.SendAsync(batch, TestContext.Current.CancellationToken);
        Assert.Equal(batch.Recipients.Select(r => r.Recipient), results.Select(r => r.Recipient));
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Detail));
    }

    [Fact]
    public async Task SendAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var sut = CreateSut();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await sut.SendAsync(Batch(1, "text"), cancelled.Token));
    }

    [Fact]
    public async Task SendAsync_ProviderFailsTransiently_ReturnsTransientFailureNotException()
    {
        var sut = CreateSutWithFailingProvider();
        var results = await sut.SendAsync(Batch(Math.Min(3, sut.Capabilities.MaxBatchSize), "text"), TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.Equal(DeliveryStatus.TransientFailure, r.Status));
    }

    [Fact]
    public async Task SendAsync_TextOverMaxTextLength_SplitsOrRejectsWithoutThrowing()
    {
        var sut = CreateSut();
        var text = new string('预', sut.Capabilities.MaxTextLength + 1);
        var results = await sut.SendAsync(Batch(1, text), TestContext.Current.CancellationToken);
        var result = Assert.Single(results);
        // An adapter may split long text itself (SMS concatenation) or refuse it; it must never throw.
        Assert.True(result.IsSuccess || result.Status == DeliveryStatus.Rejected, result.Detail);
    }

    protected DeliveryBatch Batch(int count, string text)
    {
        var content = new DeliveryContent("thread-1", "version-1", MessageType.Alert, AlertStatus.Actual, WarningLevel.Red, text, null);
        return new DeliveryBatch(content, [.. Enumerable.Range(1, count).Select(i => new DeliveryRecipient(i, AddressFor(i)))]);
    }
}
