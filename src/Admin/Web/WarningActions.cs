using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;

namespace Warning.Admin.Web;

/// <summary>
/// What the pages and the API do with a draft before the issuing service sees it: compose the complete message for
/// the issuer's department (first release, Update, Cancel), so both front ends build warnings the same way.
/// </summary>
public sealed class WarningActions(WarningService service, WarningComposer composer, IDepartmentDirectory departments)
{
    public WarningService Service => service;

    public Department DepartmentOf(Issuer issuer) => departments.Find(issuer.DepartmentId)
        ?? throw new IssuingException(IssuingError.Forbidden, $"用户 {issuer.UserId} 所属部门 {issuer.DepartmentId} 未登记。");

    /// <summary>Composes a first release; an empty instruction takes the event's default guidance.</summary>
    public WarningMessage Compose(Issuer issuer, WarningDraft draft) => composer.Compose(DepartmentOf(issuer), WithDefaults(draft));

    public Task<IssuedThread> CreateAsync(Issuer issuer, WarningDraft draft, CancellationToken cancellationToken) =>
        service.CreateAsync(issuer, Compose(issuer, draft), cancellationToken);

    public async Task<IssuedThread> DraftUpdateAsync(Issuer issuer, string threadId, WarningDraft draft, CancellationToken cancellationToken)
    {
        var issued = await service.GetAsync(threadId, cancellationToken);
        var content = composer.ComposeUpdate(DepartmentOf(issuer), WithDefaults(draft), issued.Thread.Versions[0].Content);
        return await service.DraftUpdateAsync(issuer, threadId, content, cancellationToken);
    }

    public async Task<IssuedThread> DraftCancelAsync(Issuer issuer, string threadId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new IssuingException(IssuingError.InvalidContent, "解除预警时请填写理由。");
        }
        var issued = await service.GetAsync(threadId, cancellationToken);
        var current = issued.Thread.Current
            ?? throw new IssuingException(IssuingError.Lifecycle, "该预警尚未发布，不能解除；请撤回草稿。", rule: LifecycleRule.InvalidTransition);
        var released = issued.Thread.Versions.Where(v => v.State == VersionState.Published).Select(v => v.Content);
        var content = composer.ComposeCancel(DepartmentOf(issuer), issued.Thread.Versions[0].Content, current.Content, reason.Trim(), released);
        return await service.DraftCancelAsync(issuer, threadId, content, cancellationToken);
    }

    private static WarningDraft WithDefaults(WarningDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return string.IsNullOrWhiteSpace(draft.Instruction) ? draft with { Instruction = EventTemplates.DefaultInstruction(draft.EventType) } : draft;
    }

    /// <summary>A draft that reproduces <paramref name="version"/>, for the Update form to start from.</summary>
    public static WarningDraft DraftFrom(WarningVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var content = version.Content;
        var info = content.Infos[0];
        return new WarningDraft
        {
            EventType = info.EventType ?? "",
            Level = info.Level ?? WarningLevel.Blue,
            AreaCodes = [.. info.Areas.SelectMany(a => a.AdminCodes)],
            Description = info.Description ?? "",
            Instruction = info.Instruction,
            Groups = [.. content.TargetGroups],
            Channels = [.. content.Channels.Select(c => c.Channel)],
            ChannelTexts = content.Channels.Where(c => c.Message is not null)
                .ToDictionary(c => c.Channel, c => c.Message!, StringComparer.OrdinalIgnoreCase),
            Expires = info.Expires,
            Status = content.Status,
        };
    }
}
