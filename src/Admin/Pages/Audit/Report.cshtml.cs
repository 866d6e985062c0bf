using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Admin.Contracts;
using Warning.Admin.Web;
using Warning.Engine.Issuing;

namespace Warning.Admin.Pages.Audit;

/// <summary>Per-version report: coverage, time to 90 % delivered, counts by channel and area, and the delivery curve.</summary>
[Authorize(Policy = ApiScopes.WarningsRead)]
public sealed class ReportModel(WarningService service, WarningViews views) : PageModel
{
    public VersionReport Report { get; private set; } = null!;

    public string? Headline { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string versionId)
    {
        try
        {
            var issued = await service.GetAsync(id, HttpContext.RequestAborted);
            if (issued.DepartmentId != User.ToIssuer().DepartmentId)
            {
                return NotFound();
            }
            Report = await views.ReportAsync(issued, versionId, HttpContext.RequestAborted);
            Headline = issued.Thread.Versions.First(v => v.Id == versionId).Content.Infos[0].Headline;
            return Page();
        }
        catch (IssuingException e) when (e.Error == IssuingError.NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>The curve as SVG polyline points in a 600 × 200 box.</summary>
    public string CurvePoints()
    {
        var curve = Report.Curve;
        if (curve.Count == 0)
        {
            return "";
        }
        var start = curve[0].At;
        var span = Math.Max(1, (curve[^1].At - start).TotalMilliseconds);
        var max = Math.Max(1, curve[^1].Cumulative);
        return string.Join(' ', curve.Select(p => FormattableString.Invariant(
            $"{(p.At - start).TotalMilliseconds / span * 600:0.#},{200 - (p.Cumulative * 200.0 / max):0.#}")));
    }
}
