namespace Warning.Engine.Alerts;

/// <summary>
/// One released (or to-be-released) version of a warning, in the shape both wire dialects share:
/// OASIS CAP 1.2 and the GB/T 35965.1 / 12379 profile. Immutable; compares by value.
/// Field names follow CAP; the 12379-only fields are <see cref="SenderCode"/>,
/// <see cref="SecClassification"/> and the per-channel <see cref="Channels"/>.
/// </summary>
public sealed record WarningMessage
{
    /// <summary>Unique id of this version. Generated in the GB/T 35965.1 form.</summary>
    public required string Identifier { get; init; }

    /// <summary>The issuing department (CAP: a globally unique id, 12379: the unit's full name).</summary>
    public required string Sender { get; init; }

    /// <summary>12379 14-digit sender code (admin code + organisation code + internal + extension).</summary>
    public string? SenderCode { get; init; }

    /// <summary>CAP <c>sent</c>; 12379 <c>sendTime</c> (the time on the signed approval).</summary>
    public required DateTimeOffset Sent { get; init; }

    public AlertStatus Status { get; init; } = AlertStatus.Actual;

    public MessageType MsgType { get; init; } = MessageType.Alert;

    public string? Source { get; init; }

    public AlertScope Scope { get; init; } = AlertScope.Public;

    public string? Restriction { get; init; }

    public string? Addresses { get; init; }

    /// <summary>CAP <c>code</c> values (profile markers and the like).</summary>
    public ValueList<string> Codes { get; init; } = [];

    /// <summary>Free text; for a Cancel this is the reason (12379 puts the reason here too).</summary>
    public string? Note { get; init; }

    /// <summary>Earlier versions this one updates or cancels.</summary>
    public ValueList<MessageReference> References { get; init; } = [];

    public string? Incidents { get; init; }

    /// <summary>12379 <c>secClassification</c>: None or Inner.</summary>
    public string? SecClassification { get; init; }

    /// <summary>
    /// Channel selection with per-channel text and audience (12379 <c>code/method</c>). Empty means
    /// "channels chosen by policy"; a listed channel with no message uses the description.
    /// </summary>
    public ValueList<ChannelDirective> Channels { get; init; } = [];

    /// <summary>Channels this version must never use, whatever policy says (IPAWS BLOCKCHANNEL).</summary>
    public ValueList<string> BlockedChannels { get; init; } = [];

    /// <summary>Recipient groups targeted across all channels (public, officials, schools …).</summary>
    public ValueList<string> TargetGroups { get; init; } = [];

    public ValueList<WarningInfo> Infos { get; init; } = [];

    /// <summary>True for Exercise, Test, System and Draft: such a version is never shown to the public as real.</summary>
    public bool IsNotActual => Status != AlertStatus.Actual;
}
