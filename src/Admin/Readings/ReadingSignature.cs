using System.Security.Cryptography;
using System.Text;

namespace Warning.Admin.Readings;

/// <summary>
/// HMAC-SHA256 over <c>{timestamp}.{body}</c> (timestamp: the X-Warning-Timestamp header, Unix seconds; body: the raw
/// bytes), keyed by the API key's signing secret; sent hex-encoded as <c>X-Warning-Signature: sha256=&lt;hex&gt;</c>.
/// </summary>
public static class ReadingSignature
{
    public const string TimestampHeader = "X-Warning-Timestamp";
    public const string SignatureHeader = "X-Warning-Signature";
    public const string Prefix = "sha256=";

    /// <summary>A key's signing secret: HMAC-SHA256(master, "readings:" + key id), hex. Its UTF-8 bytes are the HMAC key.</summary>
    public static string SecretFor(string signingKey, string keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes("readings:" + keyId)));
    }

    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    /// <summary>The header value a client sends.</summary>
    public static string Header(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    /// <summary>Constant-time comparison of the header with the expected signature; false on any malformed value.</summary>
    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var hex = header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..] : header;
        if (hex.Length != 64)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Compute(secret, timestamp, body));
    }
}
