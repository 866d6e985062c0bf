namespace Warning.Engine.Persistence;

/// <summary>
/// Narrows an audit query. Every value travels as a parameter, never as SQL text. Time bounds apply to a
/// delivery's latest event (completed, else submitted, else claimed, else planned); <see cref="AreaCode"/>
/// matches the area and everything under it (GB/T 2260 codes are prefixes of their children).
/// </summary>
public sealed record AuditFilter
{
    public static readonly AuditFilter None = new();

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Channel { get; init; }

    public DeliveryState? State { get; init; }

    public string? AreaCode { get; init; }
}
