using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Admin.Contracts;
using Warning.Admin.Web;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Issuing;

namespace Warning.Admin.Pages.Warnings;

/// <summary>
/// What the new-warning and update forms share: the department, the picker data (area tree, SVG map, groups,
/// channels with their length limits), the preview, and refusals shown in words on the page.
/// </summary>
public abstract class DraftPageModel(WarningActions actions, WarningViews views, DirectoryStore directory, ChannelPolicy policy,
    ChannelAdapterRegistry channels, TimeProvider timeProvider) : PageModel
{
    [BindProperty]
    public DraftForm Form { get; set; } = new();

    public Department? Department { get; private set; }

    public AreaMap Map { get; private set; } = null!;

    public IReadOnlyList<string> GroupNames { get; private set; } = [];

    public IReadOnlyList<(string Channel, int MaxLength)> ChannelList { get; private set; } = [];

    public AudiencePreviewView? Preview { get; private set; }

    public string? Error { get; protected set; }

    public IReadOnlyList<string> ErrorDetails { get; protected set; } = [];

    protected WarningActions Actions => actions;

    protected TimeProvider Time => timeProvider;

    protected void Load()
    {
        Department = actions.DepartmentOf(User.ToIssuer());
        var snapshot = directory.Current;
        Map = AreaMap.From(snapshot, [.. Department.Jurisdiction.AreaCodes]);
        GroupNames = snapshot.Groups.Names;
        var allowed = Department.Jurisdiction.Channels;
        ChannelList = [.. channels.Names.Order(StringComparer.Ordinal).Where(c => allowed.Contains("*") || allowed.Contains(c, StringComparer.OrdinalIgnoreCase))
            .Select(c => (c, policy.MaxTextLength(c)))];
    }

    /// <summary>Composes the draft and previews audience and texts; a refusal becomes the page's error.</summary>
    protected void BuildPreview()
    {
        try
        {
            Preview = views.Preview(actions.Compose(User.ToIssuer(), Form.ToDraft(timeProvider.GetUtcNow())));
        }
        catch (IssuingException e)
        {
            Fail(e);
        }
    }

    protected void Fail(IssuingException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Error = e.Message;
        ErrorDetails = e.Details;
        Response.StatusCode = IssuingErrorStatus.Of(e.Error);
    }
}
