using System.Globalization;

namespace Warning.Channels.Smpp.Receipts;

/// <summary>
/// The forms one SMSC message id takes. Many SMSCs answer submit_sm with a hex id and write the receipt text's id
/// in decimal, sometimes zero-padded; receipted_message_id usually repeats the submit form. An id is indexed
/// under its exact form (case and leading zeros ignored) and, when it reads as a hex number, under that value,
/// so a decimal receipt id finds it; when it reads as decimal, under that value for the opposite convention.
/// </summary>
internal static class SmppMessageIds
{
    /// <summary>Keys to index a submitted id under.</summary>
    public static IEnumerable<string> IndexKeys(string submittedId)
    {
        yield return Exact(submittedId);
        if (ulong.TryParse(submittedId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            yield return "h:" + hex.ToString(CultureInfo.InvariantCulture);
        }
        if (ulong.TryParse(submittedId, NumberStyles.None, CultureInfo.InvariantCulture, out var dec))
        {
            yield return "d:" + dec.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Keys to look a receipt's id up with, most certain first: the same form, then the other base.</summary>
    public static IEnumerable<string> LookupKeys(string receiptId)
    {
        yield return Exact(receiptId);
        if (ulong.TryParse(receiptId, NumberStyles.None, CultureInfo.InvariantCulture, out var dec))
        {
            yield return "h:" + dec.ToString(CultureInfo.InvariantCulture);
        }
        if (ulong.TryParse(receiptId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            yield return "d:" + hex.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Exact(string id)
    {
        var trimmed = id.Trim().TrimStart('0');
        return "s:" + (trimmed.Length == 0 ? "0" : trimmed.ToLowerInvariant());
    }
}
