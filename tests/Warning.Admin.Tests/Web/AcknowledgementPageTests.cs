using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Support;
using Warning.Engine.Acknowledgement;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;

namespace Warning.Admin.Tests.Web;

/// <summary>The host's 叫应 settings for these tests: links first (WeChat), SMS as the second channel, short deadlines.</summary>
public sealed class AcknowledgementAppFactory : WarningAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Warning:Acknowledgement:FirstChannel"] = "wechat",
        ["Warning:Acknowledgement:SecondChannel"] = "sms",
        ["Warning:Acknowledgement:Escalation"] = "SecondChannel",
        ["Warning:Acknowledgement:AnswerWithin"] = "00:00:04",
    };
}

/// <summary>
/// 叫应 in the real host: publishing a Red warning asks the officials of its street; one answers by the link, the duty
/// officer records another in the console, Quartz escalates and finally closes the rest; the page shows all of it.
/// </summary>
public sealed class AcknowledgementPageTests(AcknowledgementAppFactory factory) : IClassFixture<AcknowledgementAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_RedWarning_LinkConsoleAndQuartzEscalationShowOnThePage()
    {
        var (threadId, versionId) = await PublishAsync(WarningLevel.Red, AlertStatus.Actual);
        var service = factory.Services.GetRequiredService<AcknowledgementService>();
        var report = await WaitForAsync(service, versionId, r => r.Total > 0 && r.Rows.All(row => row.Contacts.Count > 0), "the requests");
        Assert.True(report.Total >= 2);
        var store = factory.Services.GetRequiredService<IAcknowledgementStore>();
        var contacts = await store.ListAcknowledgementContactsAsync(versionId, Token);
        var byLink = report.Rows[0].Request;
        var token = contacts.First(c => c.RequestId == byLink.RequestId && c.Channel == "wechat").Token!;

        var anonymous = ConsoleSession.Anonymous(factory);
        Assert.Contains("确认收到", await anonymous.GetPageAsync($"/ack/{token}", Token), StringComparison.Ordinal);
        Assert.Equal(AcknowledgementState.Pending, (await store.GetAcknowledgementRequestAsync(byLink.RequestId, Token))!.State);
        using (var confirmed = await anonymous.PostFormAsync($"/ack/{token}", $"/ack/{token}", [], Token))
        {
            Assert.Contains("已确认收到", await confirmed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        using (var unknown = await anonymous.Client.GetAsync("/ack/not-a-token", Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var duty = await ConsoleSession.SignInAsync(factory, "duty", Token);
        var page = $"/warnings/{threadId}/ack/{versionId}";
        var byConsole = report.Rows[1].Request;
        using (var answered = await duty.PostFormAsync(page, $"{page}?handler=Answer", new() { ["requestId"] = byConsole.RequestId }, Token))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        // The others: SMS after one deadline, closed as unanswered after the second.
        var final = await WaitForAsync(service, versionId, r => r.Waiting == 0, "Quartz to escalate and close the rest", seconds: 60);
        Assert.Equal((2, report.Total - 2), (final.Answered, final.Unanswered));
        Assert.All(final.Rows.Where(r => r.Request.State == AcknowledgementState.Unanswered),
            r => Assert.Equal(["wechat", "sms"], r.Contacts.Select(c => c.Channel)));
        var html = await duty.GetPageAsync(page, Token);
        Assert.Contains("微信链接", html, StringComparison.Ordinal);
        Assert.Contains("控制台", html, StringComparison.Ordinal);
        Assert.Contains("未确认（已逐级上报）", html, StringComparison.Ordinal);
        Assert.Contains($"<strong id=\"ack-answered\">2</strong>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ack-table\"", await duty.GetPageAsync($"{page}?handler=Table", Token), StringComparison.Ordinal);
        var log = await factory.Services.GetRequiredService<Engine.Persistence.IAuditStore>().GetActionLogAsync(0, Token);
        Assert.Contains(log, e => e.Action == "ack-answer" && e.Actor == "duty");
    }

    [Fact]
    public async Task Publish_Exercise_PageIsTheDrillReportAndOtherDepartmentsSeeNothing()
    {
        var (threadId, versionId) = await PublishAsync(WarningLevel.Orange, AlertStatus.Exercise);
        await WaitForAsync(factory.Services.GetRequiredService<AcknowledgementService>(), versionId, r => r.Total > 0, "the requests");

        var duty = await ConsoleSession.SignInAsync(factory, "duty", Token);
        var html = await duty.GetPageAsync($"/warnings/{threadId}/ack/{versionId}", Token);
        Assert.Contains("叫应演练报告", html, StringComparison.Ordinal);
        Assert.Contains("【演练】", html, StringComparison.Ordinal);

        var street = await ConsoleSession.SignInAsync(factory, "street", Token);
        using var hidden = await street.Client.GetAsync($"/warnings/{threadId}/ack/{versionId}", Token);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    private async Task<(string ThreadId, string VersionId)> PublishAsync(WarningLevel level, AlertStatus status)
    {
        var services = factory.Services;
        var service = services.GetRequiredService<WarningService>();
        var department = services.GetRequiredService<IDepartmentDirectory>().Find("qinglan-ema")!;
        var content = services.GetRequiredService<WarningComposer>().Compose(department, new WarningDraft
        {
            EventType = "11B03",
            Level = level,
            Status = status,
            AreaCodes = ["440199001"],
            Description = "暴雨预警，请责任人立即到岗。",
        });
        var drafter = new Issuer("drafter", "张制作", department.Id, IssuerRoles.Drafter);
        var approver = new Issuer("approver", "李签发", department.Id, IssuerRoles.Approver);
        var thread = await service.CreateAsync(drafter, content, Token);
        var id = thread.Thread.ThreadId;
        await service.SubmitAsync(drafter, id, Token);
        await service.ApproveAsync(approver, id, null, Token);
        var (published, _) = await service.PublishAsync(drafter, id, Token);
        return (id, published.Thread.Current!.Id);
    }

    private static async Task<AcknowledgementReport> WaitForAsync(AcknowledgementService service, string versionId,
        Func<AcknowledgementReport, bool> done, string what, int seconds = 20)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var report = await service.GetReportAsync(versionId, Token);
            if (done(report))
            {
                return report;
            }
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(seconds), $"timed out waiting for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Token);
        }
    }
}
