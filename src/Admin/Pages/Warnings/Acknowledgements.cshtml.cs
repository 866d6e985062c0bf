using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Engine.Acknowledgement;
using Warning.Engine.Issuing;

namespace Warning.Admin.Pages.Warnings;

/// <summary>
/// 叫应 of one published version: who has and has not answered, how and when, each request's messages, and a button
/// to record an answer given by phone or in person. The table refreshes itself (console.js polls the Table handler).
/// For an Exercise version it is the drill report.
/// </summary>
public sealed class AcknowledgementsModel(WarningService service, AcknowledgementService acknowledgements) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string VersionId { get; set; } = "";

    public string Headline { get; private set; } = "";

    public AcknowledgementReport Report { get; private set; } = null!;

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetTableAsync() => await LoadAsync() ? Partial("_AcknowledgementTable", this) : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(string requestId)
    {
        if (!await LoadAsync() || Report.Rows.All(r => r.Request.RequestId != requestId))
        {
            return NotFound();
        }
        var issuer = User.ToIssuer();
        if (!issuer.Has(IssuerRoles.Drafter) && !issuer.Has(IssuerRoles.Approver))
        {
            return Forbid(); // duty officers (drafters, approvers) record answers; auditors only read
        }
        var answered = await acknowledgements.AnswerInConsoleAsync(requestId, issuer.UserId, HttpContext.RequestAborted);
        TempData["notice"] = answered ? "已记录确认。" : "该叫应已结束，未作更改。";
        return Redirect($"/warnings/{Uri.EscapeDataString(Id)}/ack/{Uri.EscapeDataString(VersionId)}");
    }

    private async Task<bool> LoadAsync()
    {
        IssuedThread issued;
        try
        {
            issued = await service.GetAsync(Id, HttpContext.RequestAborted);
        }
        catch (IssuingException e) when (e.Error == IssuingError.NotFound)
        {
            return false;
        }
        var version = issued.Thread.Versions.FirstOrDefault(v => v.Id == VersionId);
        // Another department's warning is not even confirmed to exist, as on the detail page.
        if (issued.DepartmentId != User.ToIssuer().DepartmentId || version is null)
        {
            return false;
        }
        Headline = version.Content.Infos.Select(i => i.Headline).FirstOrDefault(h => h is not null) ?? VersionId;
        Report = await acknowledgements.GetReportAsync(VersionId, HttpContext.RequestAborted);
        Notice = TempData["notice"] as string;
        return true;
    }
}
