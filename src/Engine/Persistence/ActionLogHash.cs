using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Warning.Engine.Persistence;

/// <summary>
/// SHA-256 over the previous row's hash and this row's canonical content. Each field is written with its
/// length, so no choice of text can make two different rows read the same ("ab"+"c" vs "a"+"bc").
/// </summary>
internal static class ActionLogHash
{
    /// <summary>The previous hash of the first row.</summary>
    internal static readonly string Genesis = new('0', 64);

    internal static string Compute(
        string prevHash, long id, long atMs, string actor, string action, string target, string? details)
    {
        var canonical = new StringBuilder(prevHash.Length + 128)
            .Append(prevHash).Append('\n')
            .Append(id.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(atMs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Field(canonical, actor);
        Field(canonical, action);
        Field(canonical, target);
        Field(canonical, details);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static void Field(StringBuilder canonical, string? value) =>
        canonical.Append((value?.Length ?? -1).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
