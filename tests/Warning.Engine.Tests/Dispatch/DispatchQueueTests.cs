using Warning.Engine.Dispatch;

namespace Warning.Engine.Tests.Dispatch;

public sealed class DispatchQueueTests
{
    [Fact]
    public void TryEnqueue_QueueFull_ReturnsFalse()
    {
        var sut = new DispatchQueue<int>(2);

        Assert.True(sut.TryEnqueue(1));
        Assert.True(sut.TryEnqueue(2));
        Assert.False(sut.TryEnqueue(3));
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public async Task Complete_WithItemsLeft_ReadersDrainThenStop()
    {
        var sut = new DispatchQueue<int>(4);
        sut.TryEnqueue(1);
        sut.TryEnqueue(2);

        sut.Complete();

        var read = new List<int>();
        while (await sut.WaitToDequeueAsync(TestContext.Current.CancellationToken))
        {
            while (sut.TryDequeue(out var item))
            {
                read.Add(item);
            }
        }

        Assert.Equal([1, 2], read);
        Assert.False(sut.TryEnqueue(3));
    }
}
