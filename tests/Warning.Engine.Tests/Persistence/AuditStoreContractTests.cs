using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Persistence;
using static Warning.Engine.Persistence.DeliveryState;

namespace Warning.Engine.Tests.Persistence;

/// <summary>
/// The contract every audit store passes, run against each dialect by a subclass that supplies a fresh,
/// empty database (or schema) per test and removes it afterwards.
/// </summary>
public abstract partial class AuditStoreContractTests : IAsyncDisposable
{
    protected static readonly DateTimeOffset T0 = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public abstract ValueTask DisposeAsync();

    protected abstract Task<AuditStore> CreateStoreAsync(AuditStoreOptions options, TimeProvider time);

    /// <summary>A second store on the database of the last <see cref="CreateStoreAsync"/>: another node.</summary>
    protected abstract AuditStore CreateOtherNode();

    /// <summary>Runs SQL behind the store's back, as someone with database access would.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Reads one number behind the store's back.</summary>
    protected abstract Task<long> CountAsync(string sql);

    private async Task<AuditStore> CreateSutAsync(AuditStoreOptions? options = null)
    {
        var store = await CreateStoreAsync(options ?? new AuditStoreOptions(), _time);
        await store.MigrateAsync(Token);
        return store;
    }

    private static DeliveryRecord Delivery(
        string recipient, DeliveryState state, int minute = 0, string? messageId = null,
        string channel = "sms", string? area = "440106001", string version = "v1", string? detail = null) =>
        new(version, recipient, channel, area, state, T0.AddMinutes(minute), messageId, detail);

    private static async Task<DeliveryView> SingleAsync(AuditStore store, string recipient, string channel = "sms") =>
        Assert.Single(await store.GetRecipientDeliveriesAsync(recipient, AuditFilter.None with { Channel = channel }, Token));

    [Fact]
    public async Task MigrateAsync_RunAgain_ChangesNothing()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("p1", Planned)], Token);

        await sut.MigrateAsync(Token);

        Assert.Equal(Planned, (await SingleAsync(sut, "p1")).State);
    }

    [Fact]
    public async Task RecordDeliveriesAsync_StepByStep_MovesForwardAndKeepsEachTime()
    {
        var sut = await CreateSutAsync();

        await sut.RecordDeliveriesAsync([Delivery("p1", Planned, 0)], Token);
        await sut.RecordDeliveriesAsync([Delivery("p1", Claimed, 1)], Token);
        await sut.RecordDeliveriesAsync([Delivery("p1", Submitted, 2, "m1")], Token);
        await sut.RecordDeliveriesAsync([Delivery("p1", Delivered, 3, "m1")], Token);

        var row = await SingleAsync(sut, "p1");
        Assert.Equal(Delivered, row.State);
        Assert.Equal("m1", row.ProviderMessageId);
        Assert.Equal(T0.ToUnixTimeMilliseconds(), row.CreatedAtMs);
        Assert.Equal(T0.AddMinutes(1).ToUnixTimeMilliseconds(), row.ClaimedAtMs);
        Assert.Equal(T0.AddMinutes(2).ToUnixTimeMilliseconds(), row.SubmittedAtMs);
        Assert.Equal(T0.AddMinutes(3).ToUnixTimeMilliseconds(), row.CompletedAtMs);
    }

    [Fact]
    public async Task RecordDeliveriesAsync_LateAndReorderedWrites_NeverMoveBackwards()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("p1", Submitted, 2, "m1"), Delivery("p2", Delivered, 3, "m2")], Token);

        await sut.RecordDeliveriesAsync(
            [Delivery("p1", Claimed, 1), Delivery("p1", Planned, 0), Delivery("p2", Failed, 4), Delivery("p2", Submitted, 2)], Token);

        Assert.Equal(Submitted, (await SingleAsync(sut, "p1")).State);
        var p2 = await SingleAsync(sut, "p2");
        Assert.Equal(Delivered, p2.State);
        Assert.Equal(T0.AddMinutes(3).ToUnixTimeMilliseconds(), p2.CompletedAtMs);
    }

    [Fact]
    public async Task RecordDeliveriesAsync_SameDeliveryTwiceInOneBatch_KeepsTheFurthestState()
    {
        var sut = await CreateSutAsync();

        await sut.RecordDeliveriesAsync([Delivery("p1", Claimed, 1), Delivery("p1", Submitted, 2, "m1"), Delivery("p2", Planned)], Token);

        Assert.Equal(Submitted, (await SingleAsync(sut, "p1")).State);
        Assert.Equal(Planned, (await SingleAsync(sut, "p2")).State);
    }

    [Fact]
    public async Task RecordReceiptsAsync_ReceiptBeforeSubmit_IsAppliedWhenTheSubmitLands()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("p1", Claimed, 1)], Token);

        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Delivered, T0.AddMinutes(3))], Token);
        Assert.Equal(Claimed, (await SingleAsync(sut, "p1")).State);
        await sut.RecordDeliveriesAsync([Delivery("p1", Submitted, 2, "m1")], Token);

        var row = await SingleAsync(sut, "p1");
        Assert.Equal(Delivered, row.State);
        Assert.Equal(T0.AddMinutes(3).ToUnixTimeMilliseconds(), row.CompletedAtMs);
    }

    [Fact]
    public async Task MatchPendingReceiptsAsync_SubmitStoredBehindTheStoresBack_AppliesTheWaitingReceipt()
    {
        var sut = await CreateSutAsync();
        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Delivered, T0.AddMinutes(3))], Token);
        // Rows keyed through the registries, as the schema stores them (the store's own key cache never saw them).
        await ExecuteSqlAsync("INSERT INTO delivery_versions (version_id) VALUES ('v1')");
        await ExecuteSqlAsync("INSERT INTO delivery_recipients (recipient_id) VALUES ('p1')");
        await ExecuteSqlAsync(
            "INSERT INTO deliveries (version_key, recipient_key, channel_key, state, provider_message_id, created_at_ms) " +
            "SELECT v.version_key, r.recipient_key, c.channel_key, 2, 'm1', 0 FROM delivery_versions v, delivery_recipients r, delivery_channels c " +
            "WHERE v.version_id = 'v1' AND r.recipient_id = 'p1' AND c.channel = 'sms'");

        await sut.MatchPendingReceiptsAsync(Token);

        Assert.Equal(Delivered, (await SingleAsync(sut, "p1")).State);
    }

    [Fact]
    public async Task RecordReceiptsAsync_AfterSubmit_AppliesToThatChannelOnly()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("p1", Submitted, 2, "m1"), Delivery("p1", Submitted, 2, "m1", channel: "wechat")], Token);

        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Failed, T0.AddMinutes(4), "stat:UNDELIV")], Token);

        Assert.Equal(Failed, (await SingleAsync(sut, "p1")).State);
        Assert.Equal(Submitted, (await SingleAsync(sut, "p1", "wechat")).State);
    }

    [Fact]
    public async Task RecordReceiptsAsync_ForAFinalDelivery_ChangesNothing()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("p1", Expired, 5, "m1")], Token);

        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Delivered, T0.AddMinutes(6))], Token);

        Assert.Equal(Expired, (await SingleAsync(sut, "p1")).State);
    }

    [Fact]
    public async Task RecordReceiptsAsync_NonFinalState_IsRejected()
    {
        var sut = await CreateSutAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Submitted, T0)], Token));
    }

    [Fact]
    public async Task RecordAttemptsAsync_ReplayedAttempt_IsKeptOnceAsFirstRecorded()
    {
        var sut = await CreateSutAsync();

        await sut.RecordAttemptsAsync(
        [
            new DeliveryAttempt("v1", "p1", "sms", 1, T0, "TransientFailure", "gateway 503"),
            new DeliveryAttempt("v1", "p1", "sms", 2, T0.AddSeconds(2), "Sent"),
        ], Token);
        await sut.RecordAttemptsAsync([new DeliveryAttempt("v1", "p1", "sms", 1, T0.AddSeconds(9), "Sent")], Token);

        var attempts = await sut.GetAttemptsAsync("v1", "p1", Token);
        Assert.Equal([(1, "TransientFailure", "gateway 503"), (2, "Sent", null)], attempts.Select(a => (a.Attempt, a.Outcome, a.Detail)));
        Assert.Equal(T0, attempts[0].At);
    }
}
