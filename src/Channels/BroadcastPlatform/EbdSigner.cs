using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// SM2 signatures over SM3 (GB/T 32918.2, GB/T 32905) with an explicit distinguishing id, DER-encoded.
/// BouncyCastle's SM2Signer holds per-call state, so each signature gets its own instance; the key is shared.
/// </summary>
/// <remarks>
/// Checked by OpenSSL 3.0 in the tests, which must be given the same id explicitly (its default differs):
/// <c>openssl dgst -sm3 -verify pub.pem -sigopt distid:1234567812345678 -signature sig.der EBDB_….xml</c>.
/// </remarks>
internal sealed class EbdSigner
{
    private readonly ECPrivateKeyParameters _privateKey;
    private readonly byte[] _userId;

    public EbdSigner(string privateKeyPem, string signerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        ArgumentException.ThrowIfNullOrWhiteSpace(signerId);
        _privateKey = ReadPrivateKey(privateKeyPem);
        _userId = Encoding.ASCII.GetBytes(signerId);
    }

    public byte[] Sign(byte[] data)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithID(_privateKey, _userId));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    /// <summary>Verifies a DER SM2/SM3 signature with a PEM public key (used on the platform's answers).</summary>
    public static bool Verify(AsymmetricKeyParameter publicKey, string signerId, byte[] data, byte[] signature)
    {
        var verifier = new SM2Signer(new SM3Digest());
        verifier.Init(false, new ParametersWithID(publicKey, Encoding.ASCII.GetBytes(signerId)));
        verifier.BlockUpdate(data, 0, data.Length);
        try
        {
            return verifier.VerifySignature(signature);
        }
        catch (ArgumentException)
        {
            return false;  // Not DER at all: a bad signature, not a bug of ours.
        }
    }

    public static AsymmetricKeyParameter ReadPublicKey(string publicKeyPem) =>
        ReadPem(publicKeyPem) switch
        {
            ECPublicKeyParameters key => key,
            AsymmetricCipherKeyPair pair => pair.Public,
            var other => throw new ArgumentException($"The PEM holds {other?.GetType().Name ?? "nothing"}, not an SM2 public key.", nameof(publicKeyPem)),
        };

    private static ECPrivateKeyParameters ReadPrivateKey(string pem) =>
        ReadPem(pem) switch
        {
            ECPrivateKeyParameters key => key,  // PKCS#8 "PRIVATE KEY", as openssl genpkey writes it
            AsymmetricCipherKeyPair { Private: ECPrivateKeyParameters key } => key,  // SEC1 "EC PRIVATE KEY"
            var other => throw new ArgumentException($"The PEM holds {other?.GetType().Name ?? "nothing"}, not an SM2 private key.", nameof(pem)),
        };

    private static object? ReadPem(string pem)
    {
        using var reader = new StringReader(pem);
        return new PemReader(reader).ReadObject();
    }
}
