using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Web;
using Warning.Engine.Triggers;

namespace Warning.Admin.Tests.Readings;

public sealed class TriggerPageTests(ReadingsAppFactory factory) : IClassFixture<ReadingsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Fields(string id, string mode) => new()
    {
        ["Form.Id"] = id,
        ["Form.Name"] = "雨量站 RG-201",
        ["Form.StationId"] = "RG-201",
        ["Form.Measure"] = "rain_1h_mm",
        ["Form.Basis"] = "Value",
        ["Form.Thresholds"] = "Blue=50;Orange=100",
        ["Form.Hysteresis"] = "10",
        ["Form.SustainedMinutes"] = "0",
        ["Form.RateWindowMinutes"] = "60",
        ["Form.EventType"] = "11B03",
        ["Form.AreaCodes"] = "440199001",
        ["Form.DescriptionTemplate"] = "{station} 1小时雨量 {value} 毫米",
        ["Form.ExpiresHours"] = "6",
        ["Form.Mode"] = mode,
        ["Form.Enabled"] = "true",
    };

    [Fact]
    public async Task Save_ApproverPreAuthorisesRule_IsListedAsDirectWithTheApprover()
    {
        var session = await ConsoleSession.SignInAsync(factory, "duty", Ct);

        using var response = await session.PostFormAsync("/triggers", "/triggers", Fields("page-rg201", "PublishDirectly"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("规则 page-rg201 已保存", page, StringComparison.Ordinal);
        Assert.Contains("直接发布（duty 预授权）", page, StringComparison.Ordinal);
        var rule = await factory.Services.GetRequiredService<ITriggerStore>().GetRuleAsync("page-rg201", Ct);
        Assert.Equal((TriggerMode.PublishDirectly, "duty"), (rule!.Mode, rule.AuthorisedBy));
    }

    [Fact]
    public async Task Save_DrafterAsksForDirectPublication_IsRefusedInWords()
    {
        var session = await ConsoleSession.SignInAsync(factory, "drafter", Ct);

        using var response = await session.PostFormAsync("/triggers", "/triggers", Fields("page-rg202", "PublishDirectly"), Ct);

        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("只有审核签发人员可以预授权规则直接发布", page, StringComparison.Ordinal);
        Assert.Null(await factory.Services.GetRequiredService<ITriggerStore>().GetRuleAsync("page-rg202", Ct));
    }
}
