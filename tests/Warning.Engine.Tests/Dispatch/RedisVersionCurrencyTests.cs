using Warning.Engine.Dispatch.Redis;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>Two "nodes" (two connections) against the real Redis: a retirement on one stops sends on the other.</summary>
public sealed class RedisVersionCurrencyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Retire_OnOneNode_OtherNodeSeesItWithoutPolling()
    {
        var prefix = RedisServer.UniquePrefix("currency");
        using var redisA = await RedisServer.ConnectAsync(clientName: "node-a");
        using var redisB = await RedisServer.ConnectAsync(clientName: "node-b");
        using var nodeA = new RedisVersionCurrency(redisA, prefix);
        using var nodeB = new RedisVersionCurrency(redisB, prefix);

        nodeA.Retire("v1");

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (nodeB.IsCurrent("v1") && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, Token);
        }
        Assert.False(nodeB.IsCurrent("v1"));
        Assert.True(nodeB.IsCurrent("v2"));
        Assert.False(nodeA.IsCurrent("v1"));
    }

    [Fact]
    public async Task Constructor_NodeStartingAfterTheRetirement_ReadsIt()
    {
        var prefix = RedisServer.UniquePrefix("currency");
        using var redisA = await RedisServer.ConnectAsync(clientName: "node-a");
        using (var early = new RedisVersionCurrency(redisA, prefix))
        {
            early.Retire("v-old");
        }
        using var redisB = await RedisServer.ConnectAsync(clientName: "node-late");

        using var late = new RedisVersionCurrency(redisB, prefix);

        Assert.False(late.IsCurrent("v-old"));
    }
}
