using Warning.Engine.Dispatch;

namespace Warning.Engine.Tests.Dispatch;

public abstract partial class RateLimiterContractTests
{
    [Fact]
    public async Task AcquireEachAsync_PerRecipientBurst_GrantsEachRecipientItsOwnTokens()
    {
        var limiter = await CreateSutAsync();
        var prefix = NewKey();
        var spec = new TokenBucketSpec(0.001, 2, 0);

        var first = await AcquireEachAsync(limiter, prefix, spec, 1, 2, 3);
        var second = await AcquireEachAsync(limiter, prefix, spec, 1, 2);
        var third = await AcquireEachAsync(limiter, prefix, spec, 1, 2, 3, 4);

        Assert.Equal([true, true, true], first);
        Assert.Equal([true, true], second);
        Assert.Equal([false, false, true, true], third);
    }

    [Fact]
    public async Task AcquireEachAsync_SameRecipientTwiceInOneBatch_TakesTwoTokens()
    {
        var limiter = await CreateSutAsync();

        var granted = await AcquireEachAsync(limiter, NewKey(), new TokenBucketSpec(0.001, 1, 0), 5, 5);

        Assert.Equal([true, false], granted);
    }

    [Fact]
    public async Task AcquireEachAsync_OtherPrefix_IsIndependent()
    {
        var limiter = await CreateSutAsync();
        var spec = new TokenBucketSpec(0.001, 1, 0);
        var prefix = NewKey();
        await AcquireEachAsync(limiter, prefix, spec, 1);

        var other = await AcquireEachAsync(limiter, prefix + "b", spec, 1);

        Assert.Equal([true], other);
    }

    [Fact]
    public async Task AcquireEachAsync_RoutineReserve_AppliesPerRecipient()
    {
        var limiter = await CreateSutAsync();
        var prefix = NewKey();
        var spec = new TokenBucketSpec(0.001, 3, 1.0 / 3);

        var first = await AcquireEachAsync(limiter, prefix, spec, 1);
        var second = await AcquireEachAsync(limiter, prefix, spec, 1);
        var third = await AcquireEachAsync(limiter, prefix, spec, 1);

        Assert.Equal([true, true, false], first.Concat(second).Concat(third));
    }

    [Fact]
    public async Task AcquireEachAsync_LargeBatch_AnswersEveryRecipient()
    {
        var limiter = await CreateSutAsync();
        var recipients = Enumerable.Range(0, 20_000).ToArray();
        var granted = new bool[recipients.Length];

        await limiter.AcquireEachAsync(NewKey(), recipients, new TokenBucketSpec(1, 1, 0), granted, Token);

        Assert.All(granted, Assert.True);
    }

    [Fact]
    public async Task AcquireEachAsync_AfterTime_Refills()
    {
        var limiter = await CreateSutAsync();
        var prefix = NewKey();
        var spec = new TokenBucketSpec(10, 1, 0);
        await AcquireEachAsync(limiter, prefix, spec, 1, 2);

        await AdvanceAsync(TimeSpan.FromMilliseconds(150));
        var granted = await AcquireEachAsync(limiter, prefix, spec, 1, 2);

        Assert.Equal([true, true], granted);
    }

    private static async Task<bool[]> AcquireEachAsync(IRateLimiter limiter, string prefix, TokenBucketSpec spec,
        params int[] recipients)
    {
        var granted = new bool[recipients.Length];
        await limiter.AcquireEachAsync(prefix, recipients, spec, granted, Token);
        return granted;
    }
}
