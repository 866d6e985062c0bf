using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Contracts;
using Warning.Admin.Web;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;

namespace Warning.Admin.Pages;

/// <summary>
/// The public page of a warning (the link WeChat messages carry), without sign-in: the version in force of a thread
/// (or the named version), published versions only; tests and exercises carry their banner.
/// </summary>
public sealed class PublicModel(WarningService service) : PageModel
{
    public VersionView? Version { get; private set; }

    public bool Cancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(string identifier)
    {
        var records = await service.ListAsync(null, 10_000, HttpContext.RequestAborted);
        var record = records.FirstOrDefault(r => r.ThreadId == identifier)
            ?? records.FirstOrDefault(r => r.Snapshot.Contains(identifier, StringComparison.Ordinal));
        if (record is null)
        {
            return NotFound();
        }
        var thread = (await service.GetAsync(record.ThreadId, HttpContext.RequestAborted)).Thread;
        var version = record.ThreadId == identifier
            ? thread.Current
            : thread.Versions.FirstOrDefault(v => v.Id == identifier && v.State == VersionState.Published);
        if (version is null)
        {
            return NotFound();
        }
        Version = WarningViews.Version(version);
        Cancelled = thread.State == WarningThreadState.Cancelled;
        Response.Headers.CacheControl = "public, max-age=30";
        return Page();
    }
}
