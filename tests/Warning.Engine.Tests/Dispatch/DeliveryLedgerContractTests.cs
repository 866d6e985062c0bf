using Warning.Engine.Dispatch;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>
/// What every <see cref="IDeliveryLedger"/> must do. A subclass supplies ledgers: several "nodes" share one ledger
/// state (one in-process instance; separate Redis connections to one server).
/// </summary>
public abstract class DeliveryLedgerContractTests
{
    protected static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Ledgers that share one state, each as a separate node would see it.</summary>
    protected abstract Task<IDeliveryLedger[]> CreateNodesAsync(int count);

    protected async Task<IDeliveryLedger> CreateSutAsync() => (await CreateNodesAsync(1))[0];

    protected static LedgerScope NewScope(string channel = "sms") => new($"t-{Guid.NewGuid():N}", "v1", channel);

    protected static async Task<ClaimOutcome[]> ClaimAsync(IDeliveryLedger ledger, LedgerScope scope, params int[] recipients)
    {
        var outcomes = new ClaimOutcome[recipients.Length];
        await ledger.ClaimAsync(scope, recipients, outcomes, Ttl, Token);
        return outcomes;
    }

    [Fact]
    public async Task ClaimAsync_FirstTime_ReturnsClaimed()
    {
        var ledger = await CreateSutAsync();

        var outcomes = await ClaimAsync(ledger, NewScope(), 0, 1, 63, 64, 1_000_003);

        Assert.All(outcomes, outcome => Assert.Equal(ClaimOutcome.Claimed, outcome));
    }

    [Fact]
    public async Task ClaimAsync_SecondTimeWithoutConfirm_ReturnsClaimedNotConfirmed()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 5, 6);

        var outcomes = await ClaimAsync(ledger, scope, 5, 6, 7);

        Assert.Equal([ClaimOutcome.ClaimedNotConfirmed, ClaimOutcome.ClaimedNotConfirmed, ClaimOutcome.Claimed], outcomes);
    }

    [Fact]
    public async Task ClaimAsync_AfterConfirm_ReturnsAlreadyConfirmed()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 1, 2, 3);
        await ledger.ConfirmAsync(scope, new[] { 1, 3 }, Token);

        var outcomes = await ClaimAsync(ledger, scope, 1, 2, 3, 4);

        Assert.Equal(
            [ClaimOutcome.AlreadyConfirmed, ClaimOutcome.ClaimedNotConfirmed, ClaimOutcome.AlreadyConfirmed, ClaimOutcome.Claimed],
            outcomes);
    }

    [Fact]
    public async Task ClaimAsync_SameRecipientTwiceInOneBatch_ClaimsItOnce()
    {
        var ledger = await CreateSutAsync();

        var outcomes = await ClaimAsync(ledger, NewScope(), 9, 9);

        Assert.Equal([ClaimOutcome.Claimed, ClaimOutcome.ClaimedNotConfirmed], outcomes);
    }

    [Fact]
    public async Task ClaimAsync_OtherVersionOrChannel_IsIndependent()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        await ClaimAsync(ledger, scope, 1, 2);
        await ledger.ConfirmAsync(scope, new[] { 1, 2 }, Token);

        var otherVersion = await ClaimAsync(ledger, scope with { VersionId = "v2" }, 1, 2);
        var otherChannel = await ClaimAsync(ledger, scope with { Channel = "led" }, 1, 2);
        var otherThread = await ClaimAsync(ledger, scope with { ThreadId = scope.ThreadId + "x" }, 1, 2);

        Assert.All(otherVersion.Concat(otherChannel).Concat(otherThread), o => Assert.Equal(ClaimOutcome.Claimed, o));
    }

    [Fact]
    public async Task ClaimAsync_ConcurrentNodes_ClaimEachRecipientExactlyOnce()
    {
        const int Recipients = 20_000;
        var nodes = await CreateNodesAsync(4);
        var scope = NewScope();
        var batches = Enumerable.Range(0, 8)
            .Select(task => Enumerable.Range(0, Recipients).Select(r => (r * 7 + task * 997) % Recipients).ToArray())
            .ToArray();

        var results = await Task.WhenAll(batches.Select((batch, i) => Task.Run(async () =>
        {
            var outcomes = new ClaimOutcome[batch.Length];
            for (var offset = 0; offset < batch.Length; offset += 1_000)
            {
                await nodes[i % nodes.Length].ClaimAsync(scope, batch.AsMemory(offset, 1_000),
                    outcomes.AsMemory(offset, 1_000), Ttl, Token);
            }
            return (batch, outcomes);
        })));

        var claims = new int[Recipients];
        foreach (var (batch, outcomes) in results)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                claims[batch[i]] += outcomes[i] == ClaimOutcome.Claimed ? 1 : 0;
            }
        }
        Assert.All(claims, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task ClaimAsync_LargeBatch_ClaimsAllThenRemembersAll()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        var recipients = Enumerable.Range(0, 100_000).Select(i => i * 3).ToArray();
        var outcomes = new ClaimOutcome[recipients.Length];

        await ledger.ClaimAsync(scope, recipients, outcomes, Ttl, Token);
        Assert.All(outcomes, o => Assert.Equal(ClaimOutcome.Claimed, o));
        await ledger.ConfirmAsync(scope, recipients.AsMemory(0, 50_000), Token);
        await ledger.ClaimAsync(scope, recipients, outcomes, Ttl, Token);

        Assert.Equal(50_000, outcomes.Count(o => o == ClaimOutcome.AlreadyConfirmed));
        Assert.Equal(50_000, outcomes.Count(o => o == ClaimOutcome.ClaimedNotConfirmed));
    }

    [Fact]
    public async Task ClaimAsync_SparseBatch_ClaimsAllThenRemembersAll()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();
        var recipients = Enumerable.Range(0, 1_000).Select(i => i * 5_003).ToArray();
        await ClaimAsync(ledger, scope, recipients);
        await ledger.ConfirmAsync(scope, recipients.AsMemory(0, 500), Token);

        var outcomes = await ClaimAsync(ledger, scope, [.. recipients, 1]);

        Assert.Equal(500, outcomes.Count(o => o == ClaimOutcome.AlreadyConfirmed));
        Assert.Equal(500, outcomes.Count(o => o == ClaimOutcome.ClaimedNotConfirmed));
        Assert.Equal(ClaimOutcome.Claimed, outcomes[^1]);
    }

    [Fact]
    public async Task ClaimAsync_EmptyBatch_DoesNothing()
    {
        var ledger = await CreateSutAsync();

        await ledger.ClaimAsync(NewScope(), ReadOnlyMemory<int>.Empty, Memory<ClaimOutcome>.Empty, Ttl, Token);
        await ledger.ConfirmAsync(NewScope(), ReadOnlyMemory<int>.Empty, Token);
    }

    [Fact]
    public async Task ClaimAsync_NegativeRecipient_Throws()
    {
        var ledger = await CreateSutAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ClaimAsync(ledger, NewScope(), 1, -1));
    }

    [Fact]
    public async Task ClaimAsync_OutcomesShorterThanRecipients_Throws()
    {
        var ledger = await CreateSutAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await ledger.ClaimAsync(NewScope(), new[] { 1, 2 }, new ClaimOutcome[1], Ttl, Token));
    }

    [Fact]
    public async Task ClaimAsync_CancelledToken_ThrowsAndClaimsNothing()
    {
        var ledger = await CreateSutAsync();
        var scope = NewScope();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await ledger.ClaimAsync(scope, new[] { 1 }, new ClaimOutcome[1], Ttl, new CancellationToken(true)));

        Assert.Equal([ClaimOutcome.Claimed], await ClaimAsync(ledger, scope, 1));
    }
}
