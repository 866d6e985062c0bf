namespace Warning.Engine.Persistence;

/// <summary>How <see cref="IAuditStore.GetDeliveryCountsAsync"/> groups a version's deliveries.</summary>
public enum AuditGrouping
{
    None,
    Channel,
    Area,
    State,
}
