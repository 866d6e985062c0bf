using Warning.Engine.Durable;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Durable;

/// <summary>Both lock implementations: the in-process one and the Redis one against the real server.</summary>
public sealed class NamedLocksTests
{
    private static readonly TimeSpan ShortLife = TimeSpan.FromSeconds(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Kinds => ["in-process", "redis"];

    private static async Task<INamedLocks> CreateAsync(string kind, TimeSpan? timeToLive = null) => kind == "redis"
        ? new RedisNamedLocks(await RedisServer.ConnectAsync(), TimeProvider.System, RedisServer.UniquePrefix("locks"))
        {
            TimeToLive = timeToLive ?? TimeSpan.FromSeconds(60),
        }
        : new InProcessNamedLocks();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AcquireAsync_WhileHeld_WaitsUntilReleased(string kind)
    {
        var locks = await CreateAsync(kind);
        var first = await locks.AcquireAsync("rule-1", Token);

        var second = locks.AcquireAsync("rule-1", Token).AsTask();
        var other = await locks.AcquireAsync("rule-2", Token);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Token);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var held = await second.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await other.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AcquireAsync_Cancelled_StopsWaiting(string kind)
    {
        var locks = await CreateAsync(kind);
        await using var held = await locks.AcquireAsync("rule-1", Token);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await locks.AcquireAsync("rule-1", cancel.Token));
    }

    [Fact]
    public async Task AcquireAsync_HolderDiedWithoutLettingGo_TakenAfterTimeToLive()
    {
        var locks = await CreateAsync("redis", ShortLife);
        _ = await locks.AcquireAsync("rule-1", Token);  // never disposed: its node died

        await using var taken = await locks.AcquireAsync("rule-1", Token).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token);
    }

    [Fact]
    public async Task DisposeAsync_AfterItsLockExpiredAndWasTaken_LeavesTheNewHolderAlone()
    {
        var locks = await CreateAsync("redis", ShortLife);
        var stale = await locks.AcquireAsync("rule-1", Token);
        var current = await locks.AcquireAsync("rule-1", Token).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token);

        await stale.DisposeAsync();
        var third = locks.AcquireAsync("rule-1", Token).AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Token);

        Assert.False(third.IsCompleted);
        await current.DisposeAsync();
        await (await third.WaitAsync(TimeSpan.FromSeconds(10), Token)).DisposeAsync();
    }
}
