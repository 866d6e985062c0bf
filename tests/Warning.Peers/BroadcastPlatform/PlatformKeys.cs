namespace Warning.Peers.BroadcastPlatform;

/// <summary>
/// The two SM2 key pairs of an exchange: the sender's (the host signs with sender.key.pem; the platform verifies with
/// sender.pub.pem) and the platform's (it signs its answers; the host may check them with platform.pub.pem). Kept
/// in a folder and reused, so a host configured with them keeps working across restarts of the stand-in.
/// </summary>
internal sealed class PlatformKeys
{
    private PlatformKeys(string folder)
    {
        Folder = folder;
        SenderPrivateKeyPath = Path.Combine(folder, "sender.key.pem");
        SenderPublicKeyPath = Path.Combine(folder, "sender.pub.pem");
        PlatformPrivateKeyPath = Path.Combine(folder, "platform.key.pem");
        PlatformPublicKeyPath = Path.Combine(folder, "platform.pub.pem");
    }

    public string Folder { get; }

    public string SenderPrivateKeyPath { get; }

    public string SenderPublicKeyPath { get; }

    public string PlatformPrivateKeyPath { get; }

    public string PlatformPublicKeyPath { get; }

    public string SenderPrivateKeyPem => File.ReadAllText(SenderPrivateKeyPath);

    public string PlatformPublicKeyPem => File.ReadAllText(PlatformPublicKeyPath);

    /// <summary>The pairs in <paramref name="folder"/>, made with OpenSSL where missing.</summary>
    public static PlatformKeys InFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        var keys = new PlatformKeys(folder);
        if (!File.Exists(keys.SenderPrivateKeyPath) || !File.Exists(keys.SenderPublicKeyPath))
        {
            PlatformTools.GenerateSm2Key(folder, "sender");
        }
        if (!File.Exists(keys.PlatformPrivateKeyPath) || !File.Exists(keys.PlatformPublicKeyPath))
        {
            PlatformTools.GenerateSm2Key(folder, "platform");
        }
        return keys;
    }
}
