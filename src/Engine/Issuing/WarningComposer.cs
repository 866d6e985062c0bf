using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Issuing;

/// <summary>
/// Turns a <see cref="WarningDraft"/> into a complete <see cref="WarningMessage"/> for a department: a fresh GB/T
/// 35965.1 identifier, the headline formula, CAP severity and category from the level and event type, and area
/// names from the directory. Also builds the Update and Cancel of a thread, which reference its first release.
/// </summary>
public sealed class WarningComposer(DirectoryStore directory, GbIdentifierGenerator identifiers, TimeProvider timeProvider)
{
    public WarningMessage Compose(Department department, WarningDraft draft) =>
        Compose(department, draft, MessageType.Alert, []);

    public WarningMessage ComposeUpdate(Department department, WarningDraft draft, WarningMessage first) =>
        Compose(department, draft, MessageType.Update, [Reference(first)]);

    /// <summary>
    /// The Cancel (解除) of <paramref name="current"/>: same event and level, the reason in note. Its areas are those of
    /// every version released before (<paramref name="earlier"/>, oldest first, and <paramref name="current"/>), so the
    /// all-clear reaches everyone an earlier version warned even when an update narrowed the area.
    /// </summary>
    public WarningMessage ComposeCancel(Department department, WarningMessage first, WarningMessage current, string reason,
        IEnumerable<WarningMessage>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var sent = WholeSeconds(timeProvider.GetUtcNow());
        var everWarned = (earlier ?? []).Append(current).SelectMany(v => v.Infos).SelectMany(i => i.Areas).Distinct().ToArray();
        return current with
        {
            Identifier = identifiers.Next(department.SenderCode).ToString(),
            Sent = sent,
            MsgType = MessageType.Cancel,
            Note = reason,
            References = [Reference(first)],
            Channels = [],
            Infos = [.. current.Infos.Select(i => i with
            {
                Areas = [.. i.Areas, .. everWarned.Except(i.Areas)],
                Headline = i.Level is { } level
                    ? WarningText.Headline(department.Name, i.Event, level, MessageType.Cancel)
                    : i.Headline,
                Description = reason,
                Instruction = null,
                Urgency = CapUrgency.Past,
                Certainty = CapCertainty.Observed,
                ResponseTypes = [CapResponseType.AllClear],
            })],
        };
    }

    private WarningMessage Compose(Department department, WarningDraft draft, MessageType type, ValueList<MessageReference> references)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(draft);
        if (!EventTypeCatalogue.TryGet(draft.EventType, out var eventType))
        {
            throw new IssuingException(IssuingError.InvalidContent, $"未知的事件类型代码 {draft.EventType}（GB/T 35561）。");
        }
        if (draft.AreaCodes.Count == 0)
        {
            throw new IssuingException(IssuingError.InvalidContent, "请至少选择一个发布区域。");
        }
        var snapshot = directory.Current;
        var unknown = draft.AreaCodes.Where(c => !snapshot.TryGetArea(c, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new IssuingException(IssuingError.NoAudience, "发布区域不在区划目录中：" + string.Join("、", unknown), unknown);
        }
        var sent = WholeSeconds(timeProvider.GetUtcNow());
        var areas = draft.AreaCodes.Select(code =>
        {
            snapshot.TryGetArea(code, out var area);
            return new TargetArea
            {
                AreaDesc = area!.Name,
                Geocodes = [new NamedValue(TargetArea.AdminCodeName, code)],
                Polygons = [.. draft.Polygons],
            };
        });
        var info = new WarningInfo
        {
            Language = "zh-CN",
            Categories = [eventType.Category],
            Event = eventType.ChineseName,
            EventType = eventType.Code,
            Level = draft.Level,
            Severity = draft.Level.ToCapSeverity(),
            Urgency = CapUrgency.Immediate,
            Certainty = CapCertainty.Likely,
            ResponseTypes = [CapResponseType.Prepare],
            SenderName = department.Name,
            Headline = WarningText.Headline(department.Name, eventType.ChineseName, draft.Level, type),
            Description = draft.Description,
            Instruction = string.IsNullOrWhiteSpace(draft.Instruction) ? null : draft.Instruction,
            Effective = WholeSeconds(draft.Effective),
            Expires = WholeSeconds(draft.Expires),
            Areas = [.. areas],
        };
        return new WarningMessage
        {
            Identifier = identifiers.Next(department.SenderCode).ToString(),
            Sender = department.Sender,
            SenderCode = department.SenderCode,
            Sent = sent,
            Status = draft.Status,
            MsgType = type,
            Scope = AlertScope.Public,
            References = references,
            TargetGroups = [.. draft.Groups],
            Channels = [.. draft.Channels.Select(c => new ChannelDirective(c, draft.ChannelTexts.GetValueOrDefault(c)))],
            Infos = [info],
        };
    }

    /// <summary>CAP and 12379 times carry whole seconds; a stored and re-read version must equal the one composed.</summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

    private static DateTimeOffset? WholeSeconds(DateTimeOffset? at) => at is { } value ? WholeSeconds(value) : null;

    private static MessageReference Reference(WarningMessage first) => new(first.Sender, first.Identifier, first.Sent);
}
