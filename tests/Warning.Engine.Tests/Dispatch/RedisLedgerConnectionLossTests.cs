using StackExchange.Redis;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.Redis;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>
/// The connection is cut (CLIENT KILL of this test's own connection only, so parallel tests are untouched) while
/// claims are in flight. Each batch must either complete or throw <see cref="DispatchStoreUnavailableException"/>,
/// and re-running every batch after reconnecting must claim no recipient twice and miss none.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisLedgerConnectionLossTests
{
    private const int Batches = 40;
    private const int BatchSize = 10_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClaimAsync_ConnectionKilledMidRun_NoRecipientClaimedTwiceAfterRerun()
    {
        var name = $"ledger-drop-{Guid.NewGuid():N}";
        await using var admin = await RedisServer.ConnectAsync(allowAdmin: true);
        await using var node = await RedisServer.ConnectAsync(clientName: name);
        var ledger = new RedisDeliveryLedger(node, RedisServer.UniquePrefix("ledger-drop"));
        var scope = new LedgerScope($"t-{Guid.NewGuid():N}", "v1", "sms");
        var completed = 0;

        var run = RunAllAsync(ledger, scope, () => Interlocked.Increment(ref completed));
        while (Volatile.Read(ref completed) < Batches / 4)
        {
            await Task.Delay(1, Token);
        }
        // Kill again every 100 ms while the run lasts: under a loaded test host one kill can land between batches.
        var killed = 0;
        for (var round = 0; round < 5 && !run.IsCompleted; round++)
        {
            killed += await KillClientsNamedAsync(admin, name);
            await Task.WhenAny(run, Task.Delay(100, Token));
        }
        var first = await run;
        await WaitConnectedAsync(node);
        var second = await RunAllAsync(ledger, scope, static () => 0);

        Assert.True(killed > 0, "the test's connection was found and killed");
        Assert.Contains(first, batch => batch.Error is not null);
        Assert.All(second, batch => Assert.Null(batch.Error));
        Assert.All(first.Where(b => b.Error is not null),
            b => Assert.IsType<DispatchStoreUnavailableException>(b.Error));
        for (var b = 0; b < Batches; b++)
        {
            for (var i = 0; i < BatchSize; i++)
            {
                var before = first[b].Error is null ? first[b].Outcomes[i] : (ClaimOutcome?)null;
                var after = second[b].Outcomes[i];
                var claims = (before == ClaimOutcome.Claimed ? 1 : 0) + (after == ClaimOutcome.Claimed ? 1 : 0);
                // Claimed once, or its batch threw after the script committed: then the re-run says "unknown".
                var unknown = before is null && after == ClaimOutcome.ClaimedNotConfirmed;
                Assert.True(claims == 1 || (claims == 0 && unknown), $"recipient {b * BatchSize + i}: {before} then {after}");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"killed {killed} connection(s); {first.Count(b => b.Error is not null)} of {Batches} batches threw");
    }

    private static async Task<BatchRun[]> RunAllAsync(IDeliveryLedger ledger, LedgerScope scope, Func<int> onDone)
    {
        var runs = new BatchRun[Batches];
        var next = -1;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < Batches)
            {
                var recipients = Enumerable.Range(b * BatchSize, BatchSize).ToArray();
                var outcomes = new ClaimOutcome[BatchSize];
                try
                {
                    await ledger.ClaimAsync(scope, recipients, outcomes, TimeSpan.FromMinutes(5), Token);
                    runs[b] = new BatchRun(outcomes, null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    runs[b] = new BatchRun(outcomes, ex);
                }
                onDone();
            }
        }));
        await Task.WhenAll(workers);
        return runs;
    }

    private static async Task<int> KillClientsNamedAsync(ConnectionMultiplexer admin, string name)
    {
        var server = admin.GetServers()[0];
        var killed = 0;
        foreach (var client in await server.ClientListAsync())
        {
            if (client.Name == name)
            {
                await server.ClientKillAsync(client.Id, ClientType.Normal);
                killed++;
            }
        }
        return killed;
    }

    private static async Task WaitConnectedAsync(ConnectionMultiplexer node)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                await node.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50, Token);
            }
        }
        Assert.Fail("the connection did not come back within 10 s");
    }

    private sealed record BatchRun(ClaimOutcome[] Outcomes, Exception? Error);
}
