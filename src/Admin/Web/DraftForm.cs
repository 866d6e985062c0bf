using Warning.Engine.Alerts;
using Warning.Engine.Issuing;

namespace Warning.Admin.Web;

/// <summary>The fields of the draft form (new warning and update), bound from the posted form.</summary>
public sealed class DraftForm
{
    public string EventType { get; set; } = "11B03";

    public WarningLevel Level { get; set; } = WarningLevel.Yellow;

    public AlertStatus Status { get; set; } = AlertStatus.Actual;

    public List<string> AreaCodes { get; set; } = [];

    public List<string> Groups { get; set; } = [];

    public List<string> Channels { get; set; } = [];

    public Dictionary<string, string> Texts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Description { get; set; }

    public string? Instruction { get; set; }

    /// <summary>Hours until the warning expires (counted from when it takes effect); empty: until updated or cancelled.</summary>
    public int? ExpiresHours { get; set; }

    /// <summary>
    /// When the warning takes effect, Beijing time as the form's date-time field gives it; empty: at once. Released
    /// ahead of it, the warning is sent when it takes effect (the schedule starts the fan-out).
    /// </summary>
    public DateTime? EffectiveAt { get; set; }

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private DateTimeOffset? Effective => EffectiveAt is { } at
        ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), Beijing)
        : null;

    public WarningDraft ToDraft(DateTimeOffset now) => new()
    {
        EventType = EventType,
        Level = Level,
        Status = Status is AlertStatus.Actual or AlertStatus.Exercise or AlertStatus.Test ? Status : AlertStatus.Test,
        AreaCodes = [.. AreaCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal)],
        Description = Description?.Trim() ?? "",
        Instruction = string.IsNullOrWhiteSpace(Instruction) ? EventTemplates.DefaultInstruction(EventType) : Instruction.Trim(),
        Groups = [.. Groups.Distinct(StringComparer.Ordinal)],
        Channels = [.. Channels.Distinct(StringComparer.OrdinalIgnoreCase)],
        ChannelTexts = Texts.Where(t => !string.IsNullOrWhiteSpace(t.Value) && Channels.Contains(t.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(t => t.Key, t => t.Value.Trim(), StringComparer.OrdinalIgnoreCase),
        Effective = Effective,
        Expires = ExpiresHours is > 0 and var hours ? (Effective > now ? Effective.Value : now).AddHours(hours) : null,
    };

    public static DraftForm From(WarningDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new DraftForm
        {
            EventType = draft.EventType,
            Level = draft.Level,
            Status = draft.Status,
            AreaCodes = [.. draft.AreaCodes],
            Groups = [.. draft.Groups],
            Channels = [.. draft.Channels],
            Texts = new Dictionary<string, string>(draft.ChannelTexts, StringComparer.OrdinalIgnoreCase),
            Description = draft.Description,
            Instruction = draft.Instruction,
            ExpiresHours = draft.Expires is { } expires && expires > now
                ? (int)Math.Ceiling((expires - (draft.Effective > now ? draft.Effective.Value : now)).TotalHours)
                : null,
            EffectiveAt = draft.Effective is { } effective && effective > now ? effective.ToOffset(Beijing).DateTime : null,
        };
    }
}
