using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Admin.Contracts;
using Warning.Admin.Web;
using Warning.Engine.Issuing;

namespace Warning.Admin.Pages.Warnings;

/// <summary>One warning thread: its versions and history, the sign-off steps the user may take, and live delivery.</summary>
public sealed class DetailModel(WarningService service, WarningActions actions, WarningViews views) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public string? Comment { get; set; }

    public ThreadView Thread { get; private set; } = null!;

    public VersionView? Pending { get; private set; }

    /// <summary>The latest published version, whose delivery the page follows.</summary>
    public VersionView? Live { get; private set; }

    public ProgressView? Progress { get; private set; }

    public Issuer Issuer { get; private set; } = null!;

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync() =>
        StepAsync(i => service.SubmitAsync(i, Id, HttpContext.RequestAborted), "已提交审核。", "Submitted for sign-off.");

    public Task<IActionResult> OnPostApproveAsync() =>
        StepAsync(i => service.ApproveAsync(i, Id, Comment, HttpContext.RequestAborted), "已审核签发。", "Approved.");

    public Task<IActionResult> OnPostRejectAsync() =>
        StepAsync(i => service.RejectAsync(i, Id, Comment ?? "", HttpContext.RequestAborted), "已退回。", "Rejected.");

    public Task<IActionResult> OnPostWithdrawAsync() =>
        StepAsync(i => service.WithdrawAsync(i, Id, Comment, HttpContext.RequestAborted), "已撤回。", "Withdrawn.");

    public Task<IActionResult> OnPostCancelAsync() =>
        StepAsync(i => actions.DraftCancelAsync(i, Id, Comment, HttpContext.RequestAborted), "已起草解除，请提交审核。", "Cancel drafted: submit it for sign-off.");

    public Task<IActionResult> OnPostPublishAsync() =>
        StepAsync(async i => (await service.PublishAsync(i, Id, HttpContext.RequestAborted)).Thread, "已发布，正在发送。", "Published: sending.");

    private async Task<IActionResult> StepAsync(Func<Issuer, Task<IssuedThread>> step, string chinese, string english)
    {
        try
        {
            await step(User.ToIssuer());
            TempData["notice"] = HttpContext.RequestServices.GetRequiredService<Ui>().T(chinese, english);
            return Redirect($"/warnings/{Uri.EscapeDataString(Id)}");
        }
        catch (IssuingException e)
        {
            if (!await LoadAsync())
            {
                return NotFound();
            }
            Error = e.Message;
            Response.StatusCode = IssuingErrorStatus.Of(e.Error);
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        Issuer = User.ToIssuer();
        IssuedThread issued;
        try
        {
            issued = await service.GetAsync(Id, HttpContext.RequestAborted);
        }
        catch (IssuingException e) when (e.Error == IssuingError.NotFound)
        {
            return false;
        }
        if (issued.DepartmentId != Issuer.DepartmentId)
        {
            return false;
        }
        Thread = WarningViews.Thread(issued);
        Pending = Thread.Versions.FirstOrDefault(v => v.Id == Thread.PendingVersionId);
        Live = Thread.Versions.LastOrDefault(v => v.State == "Published");
        Progress = Live is null ? null : await views.ProgressAsync(Thread.Id, Live.Id, HttpContext.RequestAborted);
        Notice = TempData["notice"] as string;
        return true;
    }
}
