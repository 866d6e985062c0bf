namespace Warning.Engine.Persistence;

/// <summary>The integer keys a delivery row is stored under (see the registries in the migrations).</summary>
internal readonly record struct DeliveryKeys(int Version, int Recipient, short Channel);
