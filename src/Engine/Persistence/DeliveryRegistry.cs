namespace Warning.Engine.Persistence;

/// <summary>
/// One table that maps a text id (version, recipient or channel) to the small integer key the hot tables store.
/// Table and column names are constants, never input.
/// </summary>
internal sealed record DeliveryRegistry(int Ordinal, string Table, string KeyColumn, string IdColumn)
{
    public static readonly DeliveryRegistry Versions = new(0, "delivery_versions", "version_key", "version_id");

    public static readonly DeliveryRegistry Recipients = new(1, "delivery_recipients", "recipient_key", "recipient_id");

    public static readonly DeliveryRegistry Channels = new(2, "delivery_channels", "channel_key", "channel");

    public static readonly IReadOnlyList<DeliveryRegistry> All = [Versions, Recipients, Channels];
}
