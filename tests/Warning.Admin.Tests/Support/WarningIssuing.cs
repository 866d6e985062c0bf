using Microsoft.Extensions.DependencyInjection;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;

namespace Warning.Admin.Tests.Support;

/// <summary>Drafts, signs off and publishes a warning of the demo department through a host's own service (two people, as Red needs).</summary>
internal static class WarningIssuing
{
    public static readonly Issuer Drafter = new("zhang.san", "张三", "qinglan-ema", IssuerRoles.Drafter);
    public static readonly Issuer Approver = new("li.si", "李四", "qinglan-ema", IssuerRoles.Approver);

    public static WarningMessage Compose(IServiceProvider services, WarningDraft draft)
    {
        var department = services.GetRequiredService<IDepartmentDirectory>().Find("qinglan-ema")!;
        return services.GetRequiredService<WarningComposer>().Compose(department, draft);
    }

    /// <summary>Publishes <paramref name="content"/> as a new thread; returns the thread and the published version.</summary>
    public static async Task<(string ThreadId, string VersionId)> PublishAsync(IServiceProvider services, WarningMessage content,
        CancellationToken cancellationToken)
    {
        var service = services.GetRequiredService<WarningService>();
        var created = await service.CreateAsync(Drafter, content, cancellationToken);
        var id = created.Thread.ThreadId;
        await service.SubmitAsync(Drafter, id, cancellationToken);
        await service.ApproveAsync(Approver, id, null, cancellationToken);
        var (_, progress) = await service.PublishAsync(Drafter, id, cancellationToken);
        return (id, progress.VersionId);
    }
}
