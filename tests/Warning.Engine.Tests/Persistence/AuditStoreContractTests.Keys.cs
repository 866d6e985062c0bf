using Warning.Engine.Persistence;
using static Warning.Engine.Persistence.DeliveryState;

namespace Warning.Engine.Tests.Persistence;

/// <summary>
/// Deliveries are stored under integer keys whose text ids live in registries (see the migrations): whoever
/// registers an id first, every node must agree on its key, and a person's history must still be complete.
/// </summary>
public abstract partial class AuditStoreContractTests
{
    [Fact]
    public async Task RecordDeliveriesAsync_IdsRegisteredBehindTheStoresBack_ReusesTheirKeys()
    {
        var sut = await CreateSutAsync();
        await ExecuteSqlAsync("INSERT INTO delivery_versions (version_id) VALUES ('v1')");
        await ExecuteSqlAsync("INSERT INTO delivery_recipients (recipient_id) VALUES ('p1')");

        await sut.RecordDeliveriesAsync([Delivery("p1", Submitted, 2, "m1")], Token);

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM delivery_recipients WHERE recipient_id = 'p1'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM delivery_versions WHERE version_id = 'v1'"));
        Assert.Equal(Submitted, (await SingleAsync(sut, "p1")).State);
    }

    [Fact]
    public async Task RecordDeliveriesAsync_TwoNodesMeetTheSameNewIds_OneKeyEachAndEveryRowKept()
    {
        var sut = await CreateSutAsync();
        var other = CreateOtherNode();
        var first = Enumerable.Range(0, 500).Select(i => Delivery($"p{i}", Submitted, 1, $"m{i}")).ToArray();
        var second = Enumerable.Range(0, 500).Select(i => Delivery($"p{i}", Delivered, 2, $"n{i}", version: "v2")).ToArray();

        await Task.WhenAll(sut.RecordDeliveriesAsync(first, Token), other.RecordDeliveriesAsync(second, Token));

        Assert.Equal(500, await CountAsync("SELECT COUNT(*) FROM delivery_recipients"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM delivery_channels"));
        Assert.Equal(["v1", "v2"], (await sut.GetRecipientDeliveriesAsync("p499", AuditFilter.None, Token)).Select(d => d.VersionId).Order());
        Assert.Equal(500, Assert.Single(await other.GetDeliveryCountsAsync("v1", AuditGrouping.None, AuditFilter.None, Token)).Targeted);
    }

    [Fact]
    public async Task RegisterRecipientsAsync_NewIds_KeysFollowTheOrderGiven()
    {
        var sut = await CreateSutAsync();

        await sut.RegisterRecipientsAsync(["zeta", "alpha", "mu", "alpha"], Token);
        await sut.RecordDeliveriesAsync([Delivery("alpha", Planned), Delivery("omega", Planned)], Token);

        Assert.Equal(4, await CountAsync("SELECT COUNT(*) FROM delivery_recipients"));
        Assert.Equal(1, await CountAsync(
            "SELECT COUNT(*) FROM delivery_recipients z, delivery_recipients a, delivery_recipients m, delivery_recipients o " +
            "WHERE z.recipient_id = 'zeta' AND a.recipient_id = 'alpha' AND m.recipient_id = 'mu' AND o.recipient_id = 'omega' " +
            "AND z.recipient_key < a.recipient_key AND a.recipient_key < m.recipient_key AND m.recipient_key < o.recipient_key"));
    }

    [Fact]
    public async Task GetRecipientDeliveriesAsync_ManyVersions_FindsThePersonInEachOfTheirs()
    {
        var sut = await CreateSutAsync();
        for (var v = 0; v < 40; v++)
        {
            // p7 is in every third version; everyone else in all of them.
            var rows = Enumerable.Range(0, 50).Where(i => i != 7 || v % 3 == 0)
                .Select(i => Delivery($"p{i}", Delivered, v, $"m{v}-{i}", version: $"v{v:D2}"));
            await sut.RecordDeliveriesAsync([.. rows], Token);
        }

        await sut.RecordDeliveriesAsync([Delivery("p7", Submitted, 50, "led-7", channel: "led", version: "v00")], Token);

        var received = await sut.GetRecipientDeliveriesAsync("p7", AuditFilter.None, Token);
        var onLed = await sut.GetRecipientDeliveriesAsync("p7", AuditFilter.None with { Channel = "led" }, Token);

        Assert.Equal(Enumerable.Range(0, 14).Select(k => $"v{k * 3:D2}").Append("v00").Order(), received.Select(d => d.VersionId).Order());
        Assert.Equal(("v00", Submitted), (Assert.Single(onLed).VersionId, onLed[0].State));
    }

    [Fact]
    public async Task RecordDeliveriesAsync_TwoNodesWriteTheSameKeysInOppositeOrder_BothLandForwardOnly()
    {
        var sut = await CreateSutAsync();
        var other = CreateOtherNode();
        var ids = Enumerable.Range(0, 20_000).Select(i => $"p{i}").ToArray();
        await sut.RegisterRecipientsAsync(ids, Token);
        await other.RegisterRecipientsAsync(ids, Token); // both nodes know every key: their writes start together
        var submitted = ids.Select((id, i) => Delivery(id, Submitted, 1, $"m{i}")).ToArray();
        var delivered = ids.Select((id, i) => Delivery(id, Delivered, 2, $"m{i}")).Reverse().ToArray();

        // Whichever commits first, the other meets every key already there (on a server database possibly as a
        // deadlock first): it must still land, and the delivered state must win.
        await Task.WhenAll(sut.RecordDeliveriesAsync(submitted, Token), other.RecordDeliveriesAsync(delivered, Token));

        var counts = Assert.Single(await sut.GetDeliveryCountsAsync("v1", AuditGrouping.None, AuditFilter.None, Token));
        Assert.Equal((20_000L, 20_000L, 20_000L), (counts.Targeted, counts.Submitted, counts.Delivered));
    }
}
