using Warning.Admin.Readings;
using Warning.Engine.Tests.Support;

namespace Warning.Admin.Tests.Readings;

/// <summary>Both replay guards answer alike; the Redis one against the real server (scripts/services.sh).</summary>
public sealed class ReplayGuardTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AssertOnceOnlyAsync(IReplayGuard sut)
    {
        var signature = Guid.NewGuid().ToString("N");

        Assert.True(await sut.TryFirstUseAsync(signature, Lifetime, Ct));
        Assert.False(await sut.TryFirstUseAsync(signature, Lifetime, Ct));
        Assert.True(await sut.TryFirstUseAsync(signature + "x", Lifetime, Ct));
    }

    [Fact]
    public Task TryFirstUseAsync_InProcess_AcceptsEachSignatureOnce() =>
        AssertOnceOnlyAsync(new InProcessReplayGuard(new SettableClock()));

    [Fact]
    [Trait("Category", "Integration")]
    public async Task TryFirstUseAsync_Redis_AcceptsEachSignatureOnce()
    {
        await using var redis = await RedisServer.ConnectAsync();
        await AssertOnceOnlyAsync(new RedisReplayGuard(redis));
    }

    [Fact]
    public async Task TryFirstUseAsync_InProcessAfterLifetime_ForgetsTheSignature()
    {
        var clock = new SettableClock();
        var sut = new InProcessReplayGuard(clock);
        await sut.TryFirstUseAsync("sig", Lifetime, Ct);

        clock.Now += Lifetime + TimeSpan.FromSeconds(1);

        Assert.True(await sut.TryFirstUseAsync("sig", Lifetime, Ct));
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
