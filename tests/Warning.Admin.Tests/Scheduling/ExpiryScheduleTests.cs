using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;

namespace Warning.Admin.Tests.Scheduling;

/// <summary>The host's Quartz schedule expires a released warning at its expiry time, once, and logs it.</summary>
public sealed class ExpiryScheduleTests(WarningAppFactory factory) : IClassFixture<WarningAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_VersionWithExpiry_ThreadExpiresWhenDueByTheSchedule()
    {
        var services = factory.Services;
        var service = services.GetRequiredService<WarningService>();
        var department = services.GetRequiredService<IDepartmentDirectory>().Find("qinglan-ema")!;
        var content = services.GetRequiredService<WarningComposer>().Compose(department, new WarningDraft
        {
            EventType = "11B06",
            Level = WarningLevel.Blue,
            AreaCodes = ["440199001"],
            Description = "大风蓝色预警，短时有效。",
            Expires = TimeProvider.System.GetUtcNow().AddSeconds(3),
        });
        var drafter = new Issuer("zhang.san", "张三", department.Id, IssuerRoles.Drafter | IssuerRoles.Approver);
        var thread = await service.CreateAsync(drafter, content, Token);
        var id = thread.Thread.ThreadId;
        await service.SubmitAsync(drafter, id, Token);
        await service.ApproveAsync(drafter, id, null, Token);
        await service.PublishAsync(drafter, id, Token);
        Assert.Equal(WarningThreadState.Active, (await service.GetAsync(id, Token)).Thread.State);

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while ((await service.GetAsync(id, Token)).Thread.State != WarningThreadState.Expired)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the expiry job did not run within a minute of its time");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Token);
        }
        var store = services.GetRequiredService<Engine.Persistence.IAuditStore>();
        Assert.Single(await store.GetActionLogAsync(0, Token), e => e.Action == "expire" && e.Target.StartsWith(id, StringComparison.Ordinal));
    }
}
