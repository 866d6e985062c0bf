using Warning.Engine.Persistence;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    public static TheoryData<string> InjectionAttempts =>
    [
        "' OR '1'='1",
        "sms' OR 1=1 --",
        "v1' OR version_id LIKE '%",
        "'; DROP TABLE deliveries; --",
        "%",
        "_",
        "\\",
        "[0-9]%",
        "440106%' OR ''='",
        "v1\" OR \"1\"=\"1",
    ];

    [Theory]
    [MemberData(nameof(InjectionAttempts))]
    public async Task AuditQueries_InjectionThroughEveryFilter_ReturnNoExtraRows(string attempt)
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);
        var filters = new[]
        {
            new AuditFilter { Channel = attempt },
            new AuditFilter { AreaCode = attempt },
            new AuditFilter { Channel = "sms", AreaCode = attempt },
        };

        foreach (var filter in filters)
        {
            var counts = Assert.Single(await sut.GetDeliveryCountsAsync("v1", AuditGrouping.None, filter, Token));
            Assert.Equal(0, counts.Targeted);
            Assert.Empty(await sut.GetDeliveryCountsAsync("v1", AuditGrouping.Channel, filter, Token));
            Assert.Empty(await sut.GetDeliveryCurveAsync("v1", TimeSpan.FromMinutes(1), filter, Token));
            Assert.Empty(await sut.GetRecipientDeliveriesAsync("p1", filter, Token));
            Assert.Empty(await ToListAsync(sut.StreamDeliveriesAsync("v1", filter, Token)));
        }

        Assert.Equal(0, Assert.Single(await sut.GetDeliveryCountsAsync(attempt, AuditGrouping.None, AuditFilter.None, Token)).Targeted);
        Assert.Empty(await sut.GetDeliveryCurveAsync(attempt, TimeSpan.FromMinutes(1), AuditFilter.None, Token));
        Assert.Empty(await sut.GetRecipientDeliveriesAsync(attempt, AuditFilter.None, Token));
        Assert.Empty(await ToListAsync(sut.StreamDeliveriesAsync(attempt, AuditFilter.None, Token)));
        Assert.Null(await sut.GetOriginalXmlAsync(attempt, Token));
        Assert.Equal(7, await CountAsync("SELECT COUNT(*) FROM deliveries"));
    }

    [Fact]
    public async Task AuditQueries_WildcardsInAreaCode_MatchOnlyLiterally()
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);
        await sut.RecordDeliveriesAsync([Delivery("px", DeliveryState.Delivered, 1, "mx", area: "44_1%")], Token);

        // Unescaped, "44_1%" would also match every "440106…" row.
        var counts = Assert.Single(await sut.GetDeliveryCountsAsync("v1", AuditGrouping.None, new AuditFilter { AreaCode = "44_1%" }, Token));

        Assert.Equal(1, counts.Targeted);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
