using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;

namespace Warning.Engine.Tests.Dispatch;

public sealed class InProcessDeliveryLedgerTests : DeliveryLedgerContractTests
{
    private readonly FakeTimeProvider _time = new();

    protected override Task<IDeliveryLedger[]> CreateNodesAsync(int count)
    {
        var ledger = new InProcessDeliveryLedger(_time);
        return Task.FromResult(Enumerable.Repeat<IDeliveryLedger>(ledger, count).ToArray());
    }

    [Fact]
    public async Task ClaimAsync_BeforeTimeToLive_RemembersClaims()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 1);

        _time.Advance(Ttl - TimeSpan.FromSeconds(1));

        Assert.Equal([ClaimOutcome.ClaimedNotConfirmed], await ClaimAsync(ledger, scope, 1));
    }

    [Fact]
    public async Task ClaimAsync_AfterTimeToLive_StartsAfresh()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 1, 2);
        await ledger.ConfirmAsync(scope, new[] { 1 }, Token);

        _time.Advance(Ttl);

        Assert.Equal([ClaimOutcome.Claimed, ClaimOutcome.Claimed], await ClaimAsync(ledger, scope, 1, 2));
    }

    [Fact]
    public async Task ClaimAsync_EachClaim_ExtendsTimeToLive()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 1);
        _time.Advance(Ttl / 2);
        await ClaimAsync(ledger, scope, 2);

        _time.Advance(Ttl * 3 / 4);

        Assert.Equal([ClaimOutcome.ClaimedNotConfirmed], await ClaimAsync(ledger, scope, 1));
    }

    [Fact]
    public async Task ConfirmAsync_AfterTimeToLive_IsIgnored()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 1);
        _time.Advance(Ttl);

        await ledger.ConfirmAsync(scope, new[] { 1 }, Token);

        Assert.Equal([ClaimOutcome.Claimed], await ClaimAsync(ledger, scope, 1));
    }

    [Fact]
    public async Task ClaimAsync_ManyExpiredScopes_AreSweptWhileLiveOnesStay()
    {
        var ledger = new InProcessDeliveryLedger(_time);
        var live = NewScope();
        for (var i = 0; i < 100; i++)
        {
            await ledger.ClaimAsync(NewScope(), new[] { i }, new ClaimOutcome[1], TimeSpan.FromSeconds(1), Token);
        }
        await ClaimAsync(ledger, live, 7);

        _time.Advance(TimeSpan.FromMinutes(1));
        await ClaimAsync(ledger, NewScope(), 1);

        Assert.Equal(2, ledger.ScopeCount);
        Assert.Equal([ClaimOutcome.ClaimedNotConfirmed], await ClaimAsync(ledger, live, 7));
    }
}
