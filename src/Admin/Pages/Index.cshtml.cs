using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Admin.Contracts;
using Warning.Admin.Web;
using Warning.Engine.Issuing;

namespace Warning.Admin.Pages;

public sealed class IndexModel(WarningService service, IDepartmentDirectory departments) : PageModel
{
    public IReadOnlyList<ThreadSummary> Threads { get; private set; } = [];

    public string DepartmentName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var issuer = User.ToIssuer();
        DepartmentName = departments.Find(issuer.DepartmentId)?.Name ?? issuer.DepartmentId;
        Threads = [.. (await service.ListAsync(issuer.DepartmentId, 200, HttpContext.RequestAborted)).Select(WarningViews.Summary)];
    }
}
