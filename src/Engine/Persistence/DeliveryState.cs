namespace Warning.Engine.Persistence;

/// <summary>
/// Where one delivery (version × recipient × channel) stands. States only move forward:
/// Planned → Claimed → Submitted → one of the final states. The numbers are stored and compared in SQL,
/// so never renumber them: every final state is at least <see cref="Delivered"/>.
/// </summary>
public enum DeliveryState
{
    Planned = 0,
    Claimed = 1,
    Submitted = 2,
    Delivered = 3,
    Failed = 4,
    Expired = 5,
    Superseded = 6,
    Cancelled = 7,
}
