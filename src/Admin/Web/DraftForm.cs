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

    /// <summary>Hours until the warning expires; empty: until updated or cancelled.</summary>
    public int? ExpiresHours { get; set; }

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
        Expires = ExpiresHours is > 0 and var hours ? now.AddHours(hours) : null,
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
            ExpiresHours = draft.Expires is { } expires && expires > now ? (int)Math.Ceiling((expires - now).TotalHours) : null,
        };
    }
}
