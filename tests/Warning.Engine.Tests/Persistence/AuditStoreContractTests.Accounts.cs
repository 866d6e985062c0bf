using Warning.Engine.Persistence;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    private static AccountRecord Account(string id = "drafter") =>
        new(id, "张制作", "qinglan-ema", 1, "hash-1", 0, null, T0);

    [Fact]
    public async Task TryAddAccountAsync_TakenUserId_ReturnsFalseAndKeepsTheFirst()
    {
        var sut = await CreateSutAsync();

        Assert.True(await sut.TryAddAccountAsync(Account(), Token));
        Assert.False(await sut.TryAddAccountAsync(Account() with { DisplayName = "冒名", PasswordHash = "hash-2" }, Token));

        var stored = await sut.GetAccountAsync("drafter", Token);
        Assert.Equal(("张制作", "hash-1"), (stored!.DisplayName, stored.PasswordHash));
    }

    [Fact]
    public async Task SetSignInStateAsync_LockAndUnlock_RoundTrips()
    {
        var sut = await CreateSutAsync();
        await sut.TryAddAccountAsync(Account(), Token);

        await sut.SetSignInStateAsync("drafter", 0, T0.AddMinutes(15), Token);
        Assert.Equal(T0.AddMinutes(15), (await sut.GetAccountAsync("drafter", Token))!.LockedUntil);

        await sut.SetSignInStateAsync("drafter", 2, null, Token);
        var stored = await sut.GetAccountAsync("drafter", Token);
        Assert.Equal((2, (DateTimeOffset?)null), (stored!.FailedCount, stored.LockedUntil));
    }

    [Fact]
    public async Task FindApiKeyAsync_RevokedKey_IsNotFound()
    {
        var sut = await CreateSutAsync();
        await sut.AddApiKeyAsync(new ApiKeyRecord("k1", "monitor", "qinglan-ema", "warnings:read", "sha-1", "admin", T0), Token);
        Assert.Equal("k1", (await sut.FindApiKeyAsync("sha-1", Token))?.KeyId);

        await sut.RevokeApiKeyAsync("k1", T0.AddHours(1), Token);

        Assert.Null(await sut.FindApiKeyAsync("sha-1", Token));
        Assert.Equal(T0.AddHours(1), Assert.Single(await sut.ListApiKeysAsync(Token)).RevokedAt);
    }

    [Fact]
    public async Task TryReserveIdempotencyAsync_SecondCall_SeesTheFirstRequestAndItsAnswer()
    {
        var sut = await CreateSutAsync();

        Assert.Null(await sut.TryReserveIdempotencyAsync("u|create|k", "h1", T0, Token));
        var running = await sut.TryReserveIdempotencyAsync("u|create|k", "h2", T0, Token);
        Assert.Equal(("h1", 0), (running!.RequestHash, running.StatusCode));

        await sut.CompleteIdempotencyAsync("u|create|k", 201, "{\"id\":\"x\"}", Token);
        var done = await sut.TryReserveIdempotencyAsync("u|create|k", "h1", T0, Token);
        Assert.Equal((201, "{\"id\":\"x\"}"), (done!.StatusCode, done.Response));
    }

    [Fact]
    public async Task ReleaseIdempotencyAsync_Unfinished_FreesTheKeyButNeverACompletedOne()
    {
        var sut = await CreateSutAsync();
        await sut.TryReserveIdempotencyAsync("a", "h1", T0, Token);
        await sut.TryReserveIdempotencyAsync("b", "h1", T0, Token);
        await sut.CompleteIdempotencyAsync("b", 200, "{}", Token);

        await sut.ReleaseIdempotencyAsync("a", Token);
        await sut.ReleaseIdempotencyAsync("b", Token);

        Assert.Null(await sut.TryReserveIdempotencyAsync("a", "h2", T0, Token));
        Assert.Equal(200, (await sut.TryReserveIdempotencyAsync("b", "h2", T0, Token))!.StatusCode);
    }
}
