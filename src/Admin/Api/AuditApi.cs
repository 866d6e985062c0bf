using Warning.Admin.Accounts;
using Warning.Admin.Contracts;
using Warning.Admin.Web;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Admin.Api;

/// <summary>
/// <c>/api/audit</c>: delivery search and CSV export, per-version reports, and the action log with its hash-chain
/// verification. Auditors and administrators (scope audit:read); always limited to the caller's department.
/// </summary>
internal static class AuditApi
{
    public const int MaxRows = 5_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").WithIssuingProblems().RequireAuthorization(ApiScopes.AuditRead);
        group.MapGet("/deliveries", SearchAsync)
            .WithSummary("查询投递记录 / search deliveries (warning, recipient, channel, state, area, from, to; at most 5,000 rows)")
            .Produces<IReadOnlyList<DeliveryView>>();
        group.MapGet("/deliveries.csv", ExportAsync).WithSummary("导出投递记录 CSV / export the search as CSV (all rows, streamed)");
        group.MapGet("/warnings/{id}/versions/{versionId}/report", ReportAsync)
            .WithSummary("版本报告：覆盖率、90% 送达用时 / per-version report: coverage and time to 90 %").Produces<VersionReport>();
        group.MapGet("/actions", ActionsAsync).WithSummary("操作日志与哈希链校验 / the action log and its hash-chain check")
            .Produces<ActionLogView>();
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext context, IAuditStore audit, WarningService service, CancellationToken cancellationToken)
    {
        var search = DeliverySearch.FromQuery(context.Request.Query);
        var rows = new List<DeliveryView>();
        await foreach (var row in search.RunAsync(audit, service, context.User.ToIssuer().DepartmentId, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count >= MaxRows)
            {
                break;
            }
        }
        return Results.Ok(rows);
    }

    private static async Task ExportAsync(HttpContext context, IAuditStore audit, WarningService service)
    {
        var search = DeliverySearch.FromQuery(context.Request.Query);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=deliveries.csv";
        await DeliveryCsvExporter.WriteAsync(search.RunAsync(audit, service, context.User.ToIssuer().DepartmentId, context.RequestAborted),
            context.Response.Body, context.RequestAborted);
    }

    private static async Task<IResult> ReportAsync(string id, string versionId, HttpContext context, WarningService service,
        WarningViews views, CancellationToken cancellationToken)
    {
        var issued = await service.GetAsync(id, cancellationToken);
        if (issued.DepartmentId != context.User.ToIssuer().DepartmentId)
        {
            throw new IssuingException(IssuingError.NotFound, $"预警事件 {id} 不存在或不属于本部门。");
        }
        return Results.Ok(await views.ReportAsync(issued, versionId, cancellationToken));
    }

    private static async Task<IResult> ActionsAsync(long? after, IAuditStore audit, CancellationToken cancellationToken) =>
        Results.Ok(await ActionLogAsync(audit, after ?? 0, cancellationToken));

    public static async Task<ActionLogView> ActionLogAsync(IAuditStore audit, long after, CancellationToken cancellationToken)
    {
        var broken = await audit.VerifyActionLogAsync(cancellationToken);
        var entries = await audit.GetActionLogAsync(after, cancellationToken);
        return new ActionLogView(broken is null, broken,
            [.. entries.Select(e => new ActionView(e.Id, e.At, e.Actor, e.Action, e.Target, e.Details, e.Hash))]);
    }
}
