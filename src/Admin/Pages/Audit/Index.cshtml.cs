using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Admin.Api;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Admin.Pages.Audit;

/// <summary>Delivery search for auditors: the same search as the API and the CSV export.</summary>
[Authorize(Policy = ApiScopes.AuditRead)]
public sealed class IndexModel(IAuditStore audit, WarningService service) : PageModel
{
    public const int PageRows = 500;

    public DeliverySearch Search { get; private set; } = new();

    public IReadOnlyList<DeliveryView> Rows { get; private set; } = [];

    public bool More => Total > Rows.Count;

    /// <summary>Every matching delivery, also those past the first <see cref="PageRows"/> shown.</summary>
    public long Total { get; private set; }

    public string Query => Request.QueryString.Value ?? "";

    public async Task OnGetAsync()
    {
        Search = DeliverySearch.FromQuery(Request.Query);
        if (!Request.Query.ContainsKey("go"))
        {
            return;
        }
        var rows = new List<DeliveryView>();
        await foreach (var row in Search.RunAsync(audit, service, User.ToIssuer().DepartmentId, HttpContext.RequestAborted))
        {
            Total++;
            if (rows.Count < PageRows)
            {
                rows.Add(row);
            }
        }
        Rows = rows;
    }
}
