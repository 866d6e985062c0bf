using Microsoft.AspNetCore.Mvc;
using Warning.Admin.Accounts;
using Warning.Admin.Web;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Issuing;

namespace Warning.Admin.Pages.Warnings;

/// <summary>Drafts an Update of an active warning, starting from the version in force.</summary>
public sealed class UpdateModel(WarningActions actions, WarningViews views, DirectoryStore directory, ChannelPolicy policy,
    ChannelAdapterRegistry channels, TimeProvider timeProvider)
    : DraftPageModel(actions, views, directory, policy, channels, timeProvider)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public string? CurrentHeadline { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Load();
        var current = await CurrentAsync();
        if (current is null)
        {
            return NotFound();
        }
        Form = DraftForm.From(WarningActions.DraftFrom(current), Time.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        Load();
        await CurrentAsync();
        BuildPreview();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(bool submit)
    {
        Load();
        await CurrentAsync();
        try
        {
            var issuer = User.ToIssuer();
            var issued = await Actions.DraftUpdateAsync(issuer, Id, Form.ToDraft(Time.GetUtcNow()), HttpContext.RequestAborted);
            if (submit)
            {
                await Actions.Service.SubmitAsync(issuer, Id, HttpContext.RequestAborted);
            }
            return Redirect($"/warnings/{Uri.EscapeDataString(issued.Thread.ThreadId)}");
        }
        catch (IssuingException e)
        {
            Fail(e);
            return Page();
        }
    }

    private async Task<Engine.Lifecycle.WarningVersion?> CurrentAsync()
    {
        try
        {
            var issued = await Actions.Service.GetAsync(Id, HttpContext.RequestAborted);
            if (issued.DepartmentId != User.ToIssuer().DepartmentId)
            {
                return null;
            }
            CurrentHeadline = issued.Thread.Current?.Content.Infos[0].Headline;
            return issued.Thread.Current;
        }
        catch (IssuingException e) when (e.Error == IssuingError.NotFound)
        {
            return null;
        }
    }
}
