using Warning.Engine.Alerts;

namespace Warning.Engine.Issuing;

/// <summary>
/// What a drafter fills in (the console form, the JSON API, a monitoring rule): the rest of the warning — identifier,
/// sender, headline by the 12379 formula, CAP severity, category, area names — is derived by <see cref="WarningComposer"/>.
/// </summary>
public sealed record WarningDraft
{
    /// <summary>GB/T 35561 event type code, e.g. 11B03 (暴雨).</summary>
    public required string EventType { get; init; }

    public required WarningLevel Level { get; init; }

    /// <summary>GB/T 2260 division codes (6 digits) or village codes (9/12 digits) from the directory.</summary>
    public required IReadOnlyList<string> AreaCodes { get; init; }

    /// <summary>Optional polygons that narrow the areas (points as latitude, longitude).</summary>
    public IReadOnlyList<GeoPolygon> Polygons { get; init; } = [];

    public required string Description { get; init; }

    /// <summary>防御指南; the event's default guidance when empty.</summary>
    public string? Instruction { get; init; }

    /// <summary>Recipient groups (public, officials …); empty: the channel policy's defaults for the level.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Channels chosen for this warning; empty: the policy's channels for the level.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Per-channel text overriding the description (e.g. a short SMS).</summary>
    public IReadOnlyDictionary<string, string> ChannelTexts { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset? Effective { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>Actual, Exercise (演练) or Test (测试); the last two never reach the public as real.</summary>
    public AlertStatus Status { get; init; } = AlertStatus.Actual;
}
