using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Engine.Acknowledgement;
using Warning.Engine.Audience;

namespace Warning.Admin.Pages.Ack;

/// <summary>
/// The link a 叫应 WeChat message carries, without sign-in: the unguessable token names the request and the person it
/// was sent to. Opening it changes nothing (link previews fetch pages); the button posts the answer.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmModel(AcknowledgementService acknowledgements, DirectoryStore directory) : PageModel
{
    public AcknowledgementRequest Acknowledgement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public string AreaName { get; private set; } = "";

    public bool JustAnswered { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        JustAnswered = await acknowledgements.AnswerByLinkAsync(token, HttpContext.RequestAborted);
        return await LoadAsync(token) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string token)
    {
        Response.Headers.CacheControl = "no-store";
        var match = await acknowledgements.FindByTokenAsync(token, HttpContext.RequestAborted);
        if (match is null)
        {
            return false;
        }
        var current = directory.Current;
        Acknowledgement = match.Request;
        PersonName = current.TryGetIndex(match.PersonId, out var index) && current[index] is Person { Name: { } name } ? name : "";
        AreaName = current.TryGetArea(match.Request.AreaCode, out var area) ? area.Name : match.Request.AreaCode;
        return true;
    }
}
