using Microsoft.Data.Sqlite;
using Warning.Engine.Persistence;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Persistence;

public sealed class DeliveryBatchWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DeliveryRecord[] Batch(int number, int size) =>
        [.. Enumerable.Range(0, size).Select(i =>
            new DeliveryRecord($"v{number}", $"p{i}", "sms", "440106001", DeliveryState.Submitted, T0, $"m{number}-{i}"))];

    [Fact]
    public async Task WriteAsync_StoreFallsBehind_ProducerWaitsOnceTheQueueIsFull()
    {
        var store = new GatedAuditStore();
        var sut = new DeliveryBatchWriter(store, new DeliveryBatchWriterOptions { QueueCapacity = 2 });
        await sut.WriteAsync(Batch(1, 1), Token);
        while (Volatile.Read(ref store.WritesStarted) == 0)
        {
            await Task.Delay(5, Token);
        }

        await sut.WriteAsync(Batch(2, 1), Token);
        await sut.WriteAsync(Batch(3, 1), Token);
        var fourth = sut.WriteAsync(Batch(4, 1), Token).AsTask();
        await Task.Delay(100, Token);

        Assert.False(fourth.IsCompleted);
        store.Open();
        await fourth;
        await sut.DisposeAsync();
        Assert.Equal(4, store.Written.Sum(b => b.Count));
    }

    [Fact]
    public async Task DisposeAsync_WithBatchesQueued_WritesEveryAcceptedBatchAndReportsEach()
    {
        var store = new GatedAuditStore();
        var sut = new DeliveryBatchWriter(store, new DeliveryBatchWriterOptions { QueueCapacity = 64, MaxRowsPerTransaction = 250 });
        var committed = new List<long>();
        sut.BatchCommitted += committed.Add;
        for (var i = 1; i <= 20; i++)
        {
            await sut.WriteAsync(Batch(i, 100), Token);
        }

        store.Open();
        await sut.DisposeAsync();

        Assert.Equal(2000, store.Written.Sum(b => b.Count));
        Assert.All(store.Written, b => Assert.InRange(b.Count, 100, 300));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), committed);
        Assert.Equal(2000, sut.CommittedRows);
    }

    [Fact]
    public async Task DisposeAsync_TwoConcurrentTransactions_WritesEveryBatchOnceAndReportsEach()
    {
        var store = new GatedAuditStore();
        var sut = new DeliveryBatchWriter(store,
            new DeliveryBatchWriterOptions { QueueCapacity = 64, MaxRowsPerTransaction = 250, ConcurrentTransactions = 2 });
        var committed = new List<long>();
        sut.BatchCommitted += sequence =>
        {
            lock (committed)
            {
                committed.Add(sequence);
            }
        };
        for (var i = 1; i <= 20; i++)
        {
            await sut.WriteAsync(Batch(i, 100), Token);
        }

        // Both loops are inside a write at once while the store holds them.
        while (Volatile.Read(ref store.WritesStarted) < 2)
        {
            await Task.Delay(5, Token);
        }

        store.Open();
        await sut.DisposeAsync();

        Assert.Equal(2000, store.Written.Sum(b => b.Count));
        Assert.Equal(2000, store.Written.SelectMany(b => b).Select(d => (d.VersionId, d.RecipientId)).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), committed.Order());
        Assert.Equal(2000, sut.CommittedRows);
    }

    [Fact]
    public async Task StopAsync_StoreFails_RaisesTheFailureAndRefusesMoreBatches()
    {
        var store = new GatedAuditStore { FailWith = new InvalidOperationException("disk full") };
        var sut = new DeliveryBatchWriter(store);
        var committed = 0;
        sut.BatchCommitted += _ => committed++;
        await sut.WriteAsync(Batch(1, 10), Token);

        store.Open();

        var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.StopAsync(Token));
        Assert.Equal("disk full", stopped.Message);
        await Assert.ThrowsAnyAsync<Exception>(async () => await sut.WriteAsync(Batch(2, 10), Token));
        Assert.Equal(0, committed);
    }

    [Fact]
    public async Task DisposeAsync_RealSqliteStore_AllRowsAreInTheDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"warning-writer-{Guid.NewGuid():N}.db");
        try
        {
            var store = new SqliteAuditStore($"Data Source={path}");
            await store.MigrateAsync(Token);
            await using (var sut = new DeliveryBatchWriter(store))
            {
                for (var i = 1; i <= 10; i++)
                {
                    await sut.WriteAsync(Batch(i, 500), Token);
                }
            }

            var counts = await store.GetDeliveryCountsAsync("v7", AuditGrouping.None, AuditFilter.None, Token);
            Assert.Equal(500, Assert.Single(counts).Submitted);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
