using StackExchange.Redis;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.Redis;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Dispatch;

[Trait("Category", "Integration")]
public sealed class RedisDeliveryLedgerTests : DeliveryLedgerContractTests, IAsyncDisposable
{
    private readonly string _prefix = RedisServer.UniquePrefix("ledger");
    private readonly List<ConnectionMultiplexer> _connections = [];

    protected override async Task<IDeliveryLedger[]> CreateNodesAsync(int count)
    {
        var nodes = new IDeliveryLedger[count];
        for (var i = 0; i < count; i++)
        {
            nodes[i] = new RedisDeliveryLedger(await ConnectAsync(), _prefix);
        }
        return nodes;
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(string? clientName = null, bool allowAdmin = false)
    {
        var redis = await RedisServer.ConnectAsync(allowAdmin, clientName);
        _connections.Add(redis);
        return redis;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var redis in _connections)
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClaimAsync_Always_SetsTimeToLiveOnBothBitmaps()
    {
        var redis = await ConnectAsync();
        var ledger = new RedisDeliveryLedger(redis, _prefix);
        var scope = NewScope();
        var keys = RedisDeliveryLedger.KeysFor(_prefix, scope);

        await ClaimAsync(ledger, scope, 1);
        await ledger.ConfirmAsync(scope, new[] { 1 }, Token);

        var db = redis.GetDatabase();
        foreach (var key in keys)
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, Ttl - TimeSpan.FromMinutes(1), Ttl);
        }
    }

    [Fact]
    public async Task ClaimAsync_ShortTimeToLive_StartsAfreshAfterExpiry()
    {
        var ledger = new RedisDeliveryLedger(await ConnectAsync(), _prefix);
        var scope = NewScope();
        var outcomes = new ClaimOutcome[1];
        await ledger.ClaimAsync(scope, new[] { 1 }, outcomes, TimeSpan.FromMilliseconds(50), Token);

        await Task.Delay(TimeSpan.FromMilliseconds(150), Token);

        Assert.Equal([ClaimOutcome.Claimed], await ClaimAsync(ledger, scope, 1));
    }

    [Fact]
    public void Keys_OfOneScope_ShareOneClusterSlot()
    {
        var keys = RedisDeliveryLedger.KeysFor("warning:", new LedgerScope("thread-1", "v2", "sms"));

        Assert.Equal(["warning:{thread-1:v2}:sms:claimed", "warning:{thread-1:v2}:sms:confirmed"],
            keys.Select(k => k.ToString()));
    }

    [Fact]
    public async Task ClaimAsync_ScriptCacheFlushed_LoadsScriptAgain()
    {
        var admin = await ConnectAsync(allowAdmin: true);
        var ledger = new RedisDeliveryLedger(await ConnectAsync(), _prefix);
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 1);

        await admin.GetServers()[0].ScriptFlushAsync();

        Assert.Equal([ClaimOutcome.ClaimedNotConfirmed, ClaimOutcome.Claimed], await ClaimAsync(ledger, scope, 1, 2));
    }
}
