using Microsoft.AspNetCore.Mvc;
using Warning.Admin.Accounts;
using Warning.Admin.Web;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Issuing;

namespace Warning.Admin.Pages.Warnings;

public sealed class NewModel(WarningActions actions, WarningViews views, DirectoryStore directory, ChannelPolicy policy,
    ChannelAdapterRegistry channels, TimeProvider timeProvider)
    : DraftPageModel(actions, views, directory, policy, channels, timeProvider)
{
    public void OnGet()
    {
        Load();
        Form.Instruction = EventTemplates.DefaultInstruction(Form.EventType);
    }

    public void OnPostPreview()
    {
        Load();
        BuildPreview();
    }

    public async Task<IActionResult> OnPostCreateAsync(bool submit)
    {
        Load();
        try
        {
            var issuer = User.ToIssuer();
            var issued = await Actions.CreateAsync(issuer, Form.ToDraft(Time.GetUtcNow()), HttpContext.RequestAborted);
            if (submit)
            {
                issued = await Actions.Service.SubmitAsync(issuer, issued.Thread.ThreadId, HttpContext.RequestAborted);
            }
            return Redirect($"/warnings/{Uri.EscapeDataString(issued.Thread.ThreadId)}");
        }
        catch (IssuingException e)
        {
            Fail(e);
            return Page();
        }
    }
}
