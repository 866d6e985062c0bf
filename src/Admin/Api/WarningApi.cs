using Warning.Admin.Accounts;
using Warning.Admin.Contracts;
using Warning.Admin.Web;
using Warning.Engine.Codecs;
using Warning.Engine.Issuing;

namespace Warning.Admin.Api;

/// <summary>
/// <c>/api/warnings</c>: draft (JSON draft or CAP/12379 XML), submit, approve, reject, publish, update, cancel, read,
/// list, audience preview and live progress. Signed-in users (cookie; unsafe methods then also need the antiforgery
/// header) or machine clients (<c>X-Api-Key</c>) with the matching scope; the issuing service checks role,
/// department and jurisdiction on every step.
/// </summary>
internal static class WarningApi
{
    public static IEndpointRouteBuilder MapWarningApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/warnings").WithTags("Warnings").WithIssuingProblems().AddEndpointFilter(CookieCsrf.Filter);
        group.MapGet("/", ListAsync).RequireAuthorization(ApiScopes.WarningsRead).WithSummary("预警列表 / list warning threads");
        group.MapPost("/", CreateAsync).RequireAuthorization(ApiScopes.WarningsWrite)
            .WithSummary("起草预警 / draft a warning (JSON draft or CAP 1.2 / 12379 XML; Idempotency-Key)")
            .Accepts<WarningDraft>("application/json", "application/cap+xml", "application/xml")
            .Produces<ThreadView>(StatusCodes.Status201Created).ProducesProblem(403).ProducesProblem(422);
        group.MapPost("/preview", PreviewAsync).RequireAuthorization(ApiScopes.WarningsRead)
            .WithSummary("预览受众与各渠道文本 / preview audience and per-channel text").Accepts<WarningDraft>("application/json")
            .Produces<AudiencePreviewView>();
        group.MapGet("/{id}", GetAsync).RequireAuthorization(ApiScopes.WarningsRead)
            .WithSummary("预警详情；?format=cap|12379 返回当前版本报文 / a thread, or its current version as XML").Produces<ThreadView>();
        group.MapPost("/{id}/submit", (string id, HttpContext c, WarningService s) =>
            Step(c, s.SubmitAsync(c.User.ToIssuer(), id, c.RequestAborted))).RequireAuthorization(ApiScopes.WarningsWrite)
            .WithSummary("提交审核 / submit for sign-off").Produces<ThreadView>();
        group.MapPost("/{id}/approve", (string id, CommentRequest? body, HttpContext c, WarningService s) =>
            Step(c, s.ApproveAsync(c.User.ToIssuer(), id, body?.Comment, c.RequestAborted))).RequireAuthorization(ApiScopes.WarningsApprove)
            .WithSummary("审核签发 / approve (two-person rule from Orange)").Produces<ThreadView>();
        group.MapPost("/{id}/reject", (string id, CommentRequest? body, HttpContext c, WarningService s) =>
            Step(c, s.RejectAsync(c.User.ToIssuer(), id, body?.Comment ?? "", c.RequestAborted))).RequireAuthorization(ApiScopes.WarningsApprove)
            .WithSummary("退回 / reject with a comment").Produces<ThreadView>();
        group.MapPost("/{id}/withdraw", (string id, CommentRequest? body, HttpContext c, WarningService s) =>
            Step(c, s.WithdrawAsync(c.User.ToIssuer(), id, body?.Comment, c.RequestAborted))).RequireAuthorization(ApiScopes.WarningsWrite)
            .WithSummary("撤回草稿 / withdraw the pending version").Produces<ThreadView>();
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(ApiScopes.WarningsPublish)
            .WithSummary("发布已签发版本 / publish the approved version (Idempotency-Key)").Produces<PublishResult>();
        group.MapPost("/{id}/update", UpdateAsync).RequireAuthorization(ApiScopes.WarningsWrite)
            .WithSummary("起草更新（级别、文本、区域）/ draft an Update").Accepts<WarningDraft>("application/json", "application/cap+xml")
            .Produces<ThreadView>();
        group.MapPost("/{id}/cancel", (string id, CancelRequest body, HttpContext c, WarningActions a) =>
            Step(c, a.DraftCancelAsync(c.User.ToIssuer(), id, body.Reason, c.RequestAborted))).RequireAuthorization(ApiScopes.WarningsWrite)
            .WithSummary("起草解除（须填写理由）/ draft the Cancel with a reason").Produces<ThreadView>();
        group.MapGet("/{id}/versions/{versionId}/progress", (string id, string versionId, WarningViews v, CancellationToken ct) =>
            v.ProgressAsync(id, versionId, ct)).RequireAuthorization(ApiScopes.WarningsRead)
            .WithSummary("发送进度 / delivery progress per channel");
        group.MapGet("/{id}/versions/{versionId}/progress/stream", ProgressStream.StreamAsync).RequireAuthorization(ApiScopes.WarningsRead)
            .WithSummary("发送进度（Server-Sent Events）/ live progress as SSE");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, WarningService service, CancellationToken cancellationToken)
    {
        var issuer = context.User.ToIssuer();
        var records = await service.ListAsync(issuer.DepartmentId, 200, cancellationToken);
        return Results.Ok(records.Select(WarningViews.Summary));
    }

    private static async Task<IResult> GetAsync(string id, string? format, HttpContext context, WarningService service,
        CancellationToken cancellationToken)
    {
        var issued = await service.GetAsync(id, cancellationToken);
        if (issued.DepartmentId != context.User.ToIssuer().DepartmentId)
        {
            throw new IssuingException(IssuingError.NotFound, $"预警事件 {id} 不存在或不属于本部门。");
        }
        var wantsXml = format is not null || context.Request.Headers.Accept.ToString().Contains("xml", StringComparison.OrdinalIgnoreCase);
        if (!wantsXml)
        {
            return Results.Ok(WarningViews.Thread(issued));
        }
        var version = issued.Thread.Current ?? issued.Thread.Versions[^1];
        var dialect = format?.ToLowerInvariant() is "12379" or "gb12379" ? WarningDialect.Gb12379 : WarningDialect.Cap12;
        return Results.Text(WarningXml.Write(version.Content, dialect),
            dialect == WarningDialect.Cap12 ? "application/cap+xml; charset=utf-8" : "application/xml; charset=utf-8");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, WarningActions actions, RequestBody reader, Idempotency idempotency)
    {
        var body = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        var issuer = context.User.ToIssuer();
        return await idempotency.RunAsync(context, "create", body, async () =>
        {
            var issued = RequestBody.IsXml(context.Request)
                ? await actions.Service.CreateAsync(issuer, RequestBody.Xml(body), context.RequestAborted)
                : await actions.CreateAsync(issuer, reader.Json<WarningDraft>(body), context.RequestAborted);
            context.Response.Headers.Location = $"/api/warnings/{Uri.EscapeDataString(issued.Thread.ThreadId)}";
            return (StatusCodes.Status201Created, WarningViews.Thread(issued));
        });
    }

    private static async Task<IResult> PreviewAsync(HttpContext context, WarningActions actions, WarningViews views, RequestBody reader)
    {
        var body = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        var message = RequestBody.IsXml(context.Request)
            ? RequestBody.Xml(body)
            : actions.Compose(context.User.ToIssuer(), reader.Json<WarningDraft>(body));
        return Results.Ok(views.Preview(message));
    }

    private static async Task<IResult> PublishAsync(string id, HttpContext context, WarningService service, WarningViews views,
        Idempotency idempotency)
    {
        var body = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        return await idempotency.RunAsync(context, "publish:" + id, body, async () =>
        {
            var (thread, _) = await service.PublishAsync(context.User.ToIssuer(), id, context.RequestAborted);
            var progress = await views.ProgressAsync(thread.Thread.ThreadId, thread.Thread.Current!.Id, context.RequestAborted);
            return (StatusCodes.Status200OK, new PublishResult(WarningViews.Thread(thread), progress));
        });
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext context, WarningActions actions, RequestBody reader)
    {
        var body = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        var issuer = context.User.ToIssuer();
        var issued = RequestBody.IsXml(context.Request)
            ? await actions.Service.DraftUpdateAsync(issuer, id, RequestBody.Xml(body), context.RequestAborted)
            : await actions.DraftUpdateAsync(issuer, id, reader.Json<WarningDraft>(body), context.RequestAborted);
        return Results.Ok(WarningViews.Thread(issued));
    }

    private static async Task<IResult> Step(HttpContext context, Task<IssuedThread> step)
    {
        _ = context;
        return Results.Ok(WarningViews.Thread(await step));
    }
}
