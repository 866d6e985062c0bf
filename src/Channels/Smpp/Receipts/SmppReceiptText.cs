using System.Text.RegularExpressions;
using Warning.Engine.Persistence;

namespace Warning.Channels.Smpp.Receipts;

/// <summary>
/// The text of a delivery receipt (SMPP 3.4 Appendix B, de facto everywhere):
/// "id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…".
/// Only id, stat and err matter here; fields are found by name, so SMSCs that reorder or drop some still parse.
/// </summary>
internal sealed partial record SmppReceiptText(string Id, string Stat, string? Error)
{
    public static SmppReceiptText? TryParse(string text)
    {
        var id = IdField().Match(text);
        var stat = StatField().Match(text);
        if (!id.Success || !stat.Success)
        {
            return null;
        }
        var error = ErrorField().Match(text);
        return new SmppReceiptText(id.Groups["v"].Value, stat.Groups["v"].Value.ToUpperInvariant(), error.Success ? error.Groups["v"].Value : null);
    }

    /// <summary>
    /// The final state a stat names, or null for states that are not final (ENROUTE, ACCEPTD — which many SMSCs
    /// send for "accepted by the SMSC", before the handset has it).
    /// </summary>
    public static DeliveryState? FinalState(string stat) => stat switch
    {
        "DELIVRD" => DeliveryState.Delivered,
        "EXPIRED" => DeliveryState.Expired,
        "UNDELIV" or "REJECTD" or "DELETED" or "UNKNOWN" => DeliveryState.Failed,
        _ => null,
    };

    /// <summary>The same for the message_state TLV (§5.3.2.35), used when the text has no stat.</summary>
    public static DeliveryState? FinalState(byte messageState) => messageState switch
    {
        2 => DeliveryState.Delivered,
        3 => DeliveryState.Expired,
        4 or 5 or 7 or 8 => DeliveryState.Failed,
        _ => null,
    };

    [GeneratedRegex(@"(?:^|\s)id:(?<v>[^\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdField();

    [GeneratedRegex(@"(?:^|\s)stat:(?<v>[A-Za-z]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatField();

    [GeneratedRegex(@"(?:^|\s)err:(?<v>[^\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorField();
}
