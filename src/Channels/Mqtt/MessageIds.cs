using System.Security.Cryptography;
using System.Text;

namespace Warning.Channels.Mqtt;

/// <summary>
/// Idempotent command ids: the same version, device and action always give the same id, on every node and after
/// a restart, so a resent command is recognised by the device and its acknowledgement matches the one delivery.
/// 128 bits of SHA-256, hex.
/// </summary>
internal static class MessageIds
{
    public static string For(string versionId, string deviceId, string action)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{versionId}\n{deviceId}\n{action}"));
        return Convert.ToHexStringLower(hash, 0, 16);
    }
}
