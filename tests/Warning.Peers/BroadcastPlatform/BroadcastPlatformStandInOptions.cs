namespace Warning.Peers.BroadcastPlatform;

/// <summary>The GY/T 385 emergency-broadcast platform.</summary>
internal sealed class BroadcastPlatformStandInOptions
{
    /// <summary>The platform's own EBRID, written as SRC of its answers.</summary>
    public string PlatformEbrId { get; set; } = PeersDefaults.PlatformEbrId;

    /// <summary>
    /// Where the SM2 key pairs live (sender.key.pem / sender.pub.pem for the host, platform.key.pem /
    /// platform.pub.pem for the platform); made there on first start. Empty: fresh keys in a temporary folder. Default: empty.
    /// </summary>
    public string KeyFolder { get; set; } = "";
}
