namespace Warning.Engine.Persistence;

/// <summary>
/// Counts for one group of a version's deliveries: claimed and submitted count every delivery that got that
/// far, whatever happened next; delivered and failed count final states.
/// </summary>
public sealed record DeliveryCounts
{
    public string Name { get; init; } = "";

    public long Targeted { get; init; }

    public long Claimed { get; init; }

    public long Submitted { get; init; }

    public long Delivered { get; init; }

    public long Failed { get; init; }

    /// <summary>Delivered ÷ targeted; 0 when nothing was targeted.</summary>
    public double Coverage => Targeted == 0 ? 0 : (double)Delivered / Targeted;
}
