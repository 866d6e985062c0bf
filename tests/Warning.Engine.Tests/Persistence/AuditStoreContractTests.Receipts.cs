using Warning.Engine.Persistence;
using static Warning.Engine.Persistence.DeliveryState;

namespace Warning.Engine.Tests.Persistence;

/// <summary>
/// Receipts are applied when deliveries are read, not written into the delivery row: the rules that the old
/// write-time matching enforced must hold as read, and survive the receipt purge.
/// </summary>
public abstract partial class AuditStoreContractTests
{
    [Fact]
    public async Task RecordReceiptsAsync_TwoReceiptsForOneMessage_TheFirstReceivedCounts()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("p1", Submitted, 1, "m1")], Token);

        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Delivered, T0.AddMinutes(4))], Token);
        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Failed, T0.AddMinutes(3))], Token);

        var row = await SingleAsync(sut, "p1");
        Assert.Equal((Failed, T0.AddMinutes(3).ToUnixTimeMilliseconds()), (row.State, row.CompletedAtMs));
    }

    [Fact]
    public async Task RecordDeliveriesAsync_FinalStateAfterTheReceipt_TheReceiptStands()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("p1", Submitted, 1, "m1")], Token);
        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "m1", Delivered, T0.AddMinutes(3))], Token);

        await sut.RecordDeliveriesAsync([Delivery("p1", Expired, 9, "m1")], Token);

        var row = await SingleAsync(sut, "p1");
        Assert.Equal((Delivered, T0.AddMinutes(3).ToUnixTimeMilliseconds()), (row.State, row.CompletedAtMs));
        Assert.Equal(1, Assert.Single(await sut.GetDeliveryCountsAsync("v1", AuditGrouping.None, new AuditFilter { State = Delivered }, Token)).Targeted);
    }

    [Fact]
    public async Task PurgeExpiredReceiptsAsync_ReceiptOfADelivery_TheDeliveryKeepsWhatTheReceiptSaid()
    {
        var sut = await CreateSutAsync(new AuditStoreOptions { ReceiptRetention = TimeSpan.FromDays(30) });
        await sut.RecordDeliveriesAsync(
        [
            Delivery("p1", Submitted, -60 * 24 * 50, "old-1"),
            Delivery("p2", Submitted, -60 * 24 * 50, "old-2"),
            Delivery("p3", Submitted, -60, "new-3"),
        ], Token);
        await sut.RecordReceiptsAsync(
        [
            new ProviderReceipt("sms", "old-1", Delivered, T0.AddDays(-40)),
            new ProviderReceipt("sms", "old-2", Failed, T0.AddDays(-45)),
            new ProviderReceipt("sms", "new-3", Delivered, T0.AddDays(-1)),
        ], Token);

        Assert.Equal(2, await sut.PurgeExpiredReceiptsAsync(Token));

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM provider_receipts"));
        Assert.Equal((Delivered, T0.AddDays(-40).ToUnixTimeMilliseconds()), ((await SingleAsync(sut, "p1")).State, (await SingleAsync(sut, "p1")).CompletedAtMs));
        Assert.Equal(Failed, (await SingleAsync(sut, "p2")).State);
        Assert.Equal(Delivered, (await SingleAsync(sut, "p3")).State);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM deliveries WHERE state >= 3"));
    }
}
