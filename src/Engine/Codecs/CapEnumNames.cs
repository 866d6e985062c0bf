using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// CAP enumeration text. Only the exact CAP names parse (never numbers, never other casing), and
/// <see cref="CapCertainty.VeryLikely"/> is not a CAP 1.2 name: the reader handles "Very Likely" itself.
/// </summary>
internal static class CapEnumNames
{
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Names<T>())
        {
            if (candidate.ToString() == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Names<T>());

    private static IEnumerable<T> Names<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => v is not CapCertainty.VeryLikely);
}
