using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Admin.Api;
using Warning.Admin.Contracts;
using Warning.Engine.Persistence;

namespace Warning.Admin.Pages.Audit;

/// <summary>The action log, newest first, with the result of recomputing its hash chain.</summary>
[Authorize(Policy = ApiScopes.AuditRead)]
public sealed class ActionsModel(IAuditStore audit) : PageModel
{
    public ActionLogView Log { get; private set; } = new(true, null, []);

    public async Task OnGetAsync() => Log = await AuditApi.ActionLogAsync(audit, 0, HttpContext.RequestAborted);
}
