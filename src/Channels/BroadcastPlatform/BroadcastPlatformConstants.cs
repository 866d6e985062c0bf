namespace Warning.Channels.BroadcastPlatform;

/// <summary>Fixed values of the EB platform exchange; see <see cref="EbdWriter"/> for where each comes from.</summary>
public static class BroadcastPlatformConstants
{
    /// <summary>The SM2 user id GB/T 32918 / GM/T 0009 name as default; BouncyCastle's SM2Signer defaults to it too.</summary>
    public const string DefaultSignerId = "1234567812345678";

    /// <summary>The signature algorithm name written in EBDS <c>SignatureAlgorithm</c> (as open implementations write it).</summary>
    public const string SignatureAlgorithm = "SM2-SM3";

    /// <summary>Beijing time: EBD times carry no offset and are read as UTC+08:00.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);
}
