using System.Text;
using Warning.Engine.Persistence;
using static Warning.Engine.Persistence.DeliveryState;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    [Fact]
    public async Task ExportCsv_VersionDeliveries_WritesHeaderRowsAndEscapes()
    {
        var sut = await CreateSutAsync();
        await RecordSampleDeliveriesAsync(sut);
        await sut.RecordDeliveriesAsync([Delivery("p9", Failed, 2, "m9", detail: "号码无效, \"空号\"\n=HYPERLINK()")], Token);
        using var output = new MemoryStream();

        var written = await DeliveryCsvExporter.WriteAsync(sut.StreamDeliveriesAsync("v1", AuditFilter.None, Token), output, Token);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(7, written);
        Assert.StartsWith("version_id,recipient_id,channel,area_code,state,", text, StringComparison.Ordinal);
        Assert.Contains("v1,p1,sms,440106001,Delivered,m1,2026-07-01T08:01:00.000Z,,2026-07-01T08:01:00.000Z,2026-07-01T08:01:00.000Z,\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",\"号码无效, \"\"空号\"\"\n=HYPERLINK()\"\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("v2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_FormulaAtStart_IsDefused()
    {
        var sut = await CreateSutAsync();
        await sut.RecordDeliveriesAsync([Delivery("=cmd|' /C calc'!A0", Failed, 2, "m9")], Token);
        using var output = new MemoryStream();

        await DeliveryCsvExporter.WriteAsync(sut.StreamDeliveriesAsync(null, AuditFilter.None, Token), output, Token);

        Assert.Contains(",'=cmd|' /C calc'!A0,", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PurgeExpiredReceiptsAsync_OlderThanRetention_DeletesReceiptsOnly()
    {
        var sut = await CreateSutAsync(new AuditStoreOptions { ReceiptRetention = TimeSpan.FromDays(30) });
        await AppendSampleActionsAsync(sut);
        await sut.RecordReceiptsAsync(
        [
            new ProviderReceipt("sms", "old", Delivered, T0.AddDays(-40)),
            new ProviderReceipt("sms", "new", Delivered, T0.AddDays(-1)),
        ], Token);

        var purged = await sut.PurgeExpiredReceiptsAsync(Token);

        Assert.Equal(1, purged);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM provider_receipts WHERE provider_message_id = 'new'"));
        Assert.Equal(4, (await sut.GetActionLogAsync(0, Token)).Count);
        Assert.Null(await sut.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task PurgeExpiredReceiptsAsync_DefaultOptions_KeepsEverything()
    {
        var sut = await CreateSutAsync();
        await sut.RecordReceiptsAsync([new ProviderReceipt("sms", "ancient", Delivered, T0.AddYears(-20))], Token);

        Assert.Equal(0, await sut.PurgeExpiredReceiptsAsync(Token));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM provider_receipts"));
    }
}
