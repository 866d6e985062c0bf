using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Warning.Engine.Alerts;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// Package and message ids. The layouts are our reading of open implementations (the standard text was not
/// available): EBDID = "10" + source EBRID + 16-digit sequence; EBMID = source EBRID + yyyyMMdd + 4-digit sequence.
/// </summary>
internal static class EbdIds
{
    /// <summary>
    /// A new package id. Each POST is a new package, so the sequence is 16 random digits: unique across nodes
    /// without a shared counter (a collision needs two equal draws out of 10^16).
    /// </summary>
    public static string NewEbdId(string sourceEbrId)
    {
        Span<char> digits = stackalloc char[16];
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }
        return string.Concat("10", sourceEbrId, digits);
    }

    /// <summary>
    /// The EBM id of one version for one area group. Deterministic, so a retried send names the same message
    /// and a Cancel can name the EBM it stops from the cancelled version's identifier alone. The date is the
    /// version's own (from its GB identifier, else <paramref name="fallbackDate"/>); the 4-digit sequence is a
    /// hash of version and area group. Two different messages of one day share an id with odds of 1 in 10,000
    /// per pair — acceptable for a district's few broadcasts a day, and the first thing to replace with a
    /// sequence from the audit store if the platform insists on a counter.
    /// </summary>
    public static string EbmId(string sourceEbrId, string versionId, string areaGroup, DateTimeOffset fallbackDate)
    {
        var date = GbIdentifier.TryParse(versionId, out var gb) ? gb.SentAt : fallbackDate;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(versionId + "\n" + areaGroup));
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(hash) % 10_000;
        var day = date.ToOffset(BroadcastPlatformConstants.BeijingOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{sourceEbrId}{day}{sequence:0000}");
    }
}
