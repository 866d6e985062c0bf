using System.Security.Cryptography;
using System.Text;

namespace Warning.Channels.Webhook;

/// <summary>
/// Standard Webhooks signatures: "v1," + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")),
/// where the key is the base64 after "whsec_" in the shared secret.
/// </summary>
public static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";

    public static string Sign(ReadOnlySpan<byte> key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    public static bool TryParseSecret(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
            return key.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
