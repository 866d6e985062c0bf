using Warning.Engine.Persistence;
using static Warning.Engine.Persistence.DeliveryState;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    /// <summary>v1: five SMS in two villages and one LED sign; v2 (another version) must never leak in.</summary>
    private static async Task RecordSampleDeliveriesAsync(AuditStore store)
    {
        await store.RecordDeliveriesAsync(
        [
            Delivery("p1", Delivered, 1, "m1"),
            Delivery("p2", Delivered, 1, "m2"),
            Delivery("p3", Delivered, 3, "m3", area: "440106002"),
            Delivery("p4", Failed, 2, "m4", area: "440106002"),
            Delivery("p5", Claimed, 0, area: "440106002"),
            Delivery("d1", Submitted, 1, "led-1", channel: "led"),
            Delivery("p1", Delivered, 1, "x1", version: "v2"),
        ], Token);
    }

    [Fact]
    public async Task GetDeliveryCountsAsync_WholeVersion_CountsEachStageAndCoverage()
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);

        var all = Assert.Single(await sut.GetDeliveryCountsAsync("v1", AuditGrouping.None, AuditFilter.None, Token));

        Assert.Equal((6L, 6L, 5L, 3L, 1L), (all.Targeted, all.Claimed, all.Submitted, all.Delivered, all.Failed));
        Assert.Equal(0.5, all.Coverage);
    }

    [Fact]
    public async Task GetDeliveryCountsAsync_ByChannelAreaAndState_GroupsTheVersion()
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);

        var byChannel = await sut.GetDeliveryCountsAsync("v1", AuditGrouping.Channel, AuditFilter.None, Token);
        var byArea = await sut.GetDeliveryCountsAsync("v1", AuditGrouping.Area, AuditFilter.None, Token);
        var byState = await sut.GetDeliveryCountsAsync("v1", AuditGrouping.State, AuditFilter.None, Token);

        Assert.Equal([("led", 1L, 0L), ("sms", 5L, 3L)], byChannel.Select(c => (c.Name, c.Targeted, c.Delivered)));
        Assert.Equal([("440106001", 3L, 2L), ("440106002", 3L, 1L)], byArea.Select(c => (c.Name, c.Targeted, c.Delivered)));
        Assert.Equal(
            [("Claimed", 1L), ("Submitted", 1L), ("Delivered", 3L), ("Failed", 1L)],
            byState.Select(c => (c.Name, c.Targeted)).OrderBy(c => Enum.Parse<DeliveryState>(c.Name)));
    }

    [Fact]
    public async Task GetDeliveryCountsAsync_Filters_NarrowByChannelStateAreaAndTime()
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);

        async Task<long> Targeted(AuditFilter f) =>
            Assert.Single(await sut.GetDeliveryCountsAsync("v1", AuditGrouping.None, f, Token)).Targeted;

        Assert.Equal(5, await Targeted(new AuditFilter { Channel = "sms" }));
        Assert.Equal(3, await Targeted(new AuditFilter { State = Delivered }));
        Assert.Equal(3, await Targeted(new AuditFilter { AreaCode = "440106002" }));
        Assert.Equal(6, await Targeted(new AuditFilter { AreaCode = "440106" }));
        Assert.Equal(4, await Targeted(new AuditFilter { From = T0.AddMinutes(1), To = T0.AddMinutes(3) }));
    }

    [Fact]
    public async Task GetDeliveryCurveAsync_OneMinuteBuckets_CountsAndAccumulates()
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);

        var curve = await sut.GetDeliveryCurveAsync("v1", TimeSpan.FromMinutes(1), AuditFilter.None, Token);

        Assert.Equal([(T0.AddMinutes(1), 2L, 2L), (T0.AddMinutes(3), 1L, 3L)], curve.Select(p => (p.BucketStart, p.Delivered, p.Cumulative)));
    }

    [Fact]
    public async Task GetRecipientDeliveriesAsync_Person_ListsWhatTheyReceivedAcrossVersions()
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);

        var received = await sut.GetRecipientDeliveriesAsync("p1", AuditFilter.None, Token);
        var device = await sut.GetRecipientDeliveriesAsync("d1", AuditFilter.None, Token);

        Assert.Equal(["v1", "v2"], received.Select(d => d.VersionId).Order());
        Assert.Equal(("led", Submitted, "led-1"), (Assert.Single(device).Channel, device[0].State, device[0].ProviderMessageId));
    }

    [Fact]
    public async Task SaveVersionAsync_OriginalXml_IsKeptVerbatimAndNeverReplaced()
    {
        var sut = await CreateSutAsync();
        const string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n\t<identifier>v1</identifier>  <note><![CDATA[暴雨 & 雷电]]></note></alert>\n";
        await sut.SaveThreadAsync(new WarningThreadRecord("T1", "Active", "11B03", T0, T0), Token);

        await sut.SaveVersionAsync(new WarningVersionRecord("v1", "T1", "Alert", "Actual", 3, "440106", T0, T0, xml), Token);
        await sut.SaveVersionAsync(new WarningVersionRecord("v1", "T1", "Alert", "Actual", 3, "440106", T0, T0, "<changed/>"), Token);

        Assert.Equal(xml, await sut.GetOriginalXmlAsync("v1", Token));
    }

    [Fact]
    public async Task SaveDirectory_AreasPeopleDevices_AreUpserted()
    {
        var sut = await CreateSutAsync();

        await sut.SaveAreaAsync(new AreaRecord("440106001", "440106", "车陂街", 4, "wkt", "POLYGON((113.39 23.12, 113.40 23.12, 113.40 23.13, 113.39 23.12))"), Token);
        await sut.SaveAreaAsync(new AreaRecord("440106001", "440106", "车陂街道", 4), Token);
        await sut.SavePersonAsync(new PersonRecord("p1", "张伟", "+8613800000000", HomeAreaCode: "440106001", Roles: "responsible"), Token);
        await sut.SaveDeviceAsync(new DeviceRecord("led-1", "led", "440106001", Capabilities: "{\"lines\":2,\"chars\":16}"), Token);
        await sut.RecordAcknowledgementAsync("v1", "p1", "sms", T0.AddMinutes(5), Token);
        await sut.RecordAcknowledgementAsync("v1", "p1", "sms", T0.AddMinutes(6), Token);

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM areas WHERE code = '440106001' AND name = '车陂街道' AND geometry IS NULL"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM people WHERE id = 'p1' AND name = '张伟'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM devices WHERE id = 'led-1' AND capabilities LIKE '%lines%'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM acknowledgements WHERE version_id = 'v1'"));
    }
}
