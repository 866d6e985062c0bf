namespace Warning.Engine.Alerts;

/// <summary>The CAP <c>info</c> block: what the hazard is, how bad, what to do, and where.</summary>
public sealed record WarningInfo
{
    /// <summary>RFC 3066 language tag; null means CAP's default "en-US" (12379 uses zh-CN).</summary>
    public string? Language { get; init; }

    public ValueList<CapCategory> Categories { get; init; } = [];

    /// <summary>Event name, e.g. 暴雨.</summary>
    public required string Event { get; init; }

    /// <summary>GB/T 35561 event type code, e.g. 11B03 (暴雨).</summary>
    public string? EventType { get; init; }

    public ValueList<CapResponseType> ResponseTypes { get; init; } = [];

    public CapUrgency Urgency { get; init; } = CapUrgency.Unknown;

    public CapSeverity Severity { get; init; } = CapSeverity.Unknown;

    public CapCertainty Certainty { get; init; } = CapCertainty.Unknown;

    /// <summary>The colour level (Blue IV … Red I); null only for foreign CAP messages without one.</summary>
    public WarningLevel? Level { get; init; }

    public string? Audience { get; init; }

    public ValueList<NamedValue> EventCodes { get; init; } = [];

    public DateTimeOffset? Effective { get; init; }

    public DateTimeOffset? Onset { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>CAP: the issuing organisation's name; 12379: the signing officer (签发员).</summary>
    public string? SenderName { get; init; }

    public string? Headline { get; init; }

    public string? Description { get; init; }

    public string? Instruction { get; init; }

    public string? Web { get; init; }

    public string? Contact { get; init; }

    public ValueList<NamedValue> Parameters { get; init; } = [];

    public ValueList<WarningResource> Resources { get; init; } = [];

    public ValueList<TargetArea> Areas { get; init; } = [];
}
