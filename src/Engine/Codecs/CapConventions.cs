namespace Warning.Engine.Codecs;

/// <summary>
/// How fields that CAP 1.2 has no element for travel inside CAP: as info parameters, event codes and
/// geocodes with these names. The CAP writer emits them from the model and the CAP reader lifts them back
/// into the model (and out of the plain parameter lists), so nothing is duplicated on a round trip.
/// </summary>
public static class CapConventions
{
    public const string Cap12Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string Cap11Namespace = "urn:oasis:names:tc:emergency:cap:1.1";
    public const string Cap10Namespace = "http://www.incident.com/cap/1.0";

    /// <summary>eventCode valueName carrying the GB/T 35561 event type code (e.g. 11B03).</summary>
    public const string EventTypeCodeName = "GB/T35561";

    /// <summary>parameter carrying the colour level: Red, Orange, Yellow or Blue.</summary>
    public const string LevelParameter = "CN-12379:level";

    /// <summary>parameter carrying the 14-digit GB sender code.</summary>
    public const string SenderCodeParameter = "CN-12379:senderCode";

    /// <summary>parameter carrying 12379 secClassification.</summary>
    public const string SecClassificationParameter = "CN-12379:secClassification";

    /// <summary>parameter, repeated, one per targeted recipient group.</summary>
    public const string TargetGroupParameter = "CN-12379:targetGroup";

    /// <summary>Prefix of the per-channel parameters: "CN-12379:method:SMS" = the SMS text (empty = use description),
    /// "CN-12379:method:SMS:audienceGrp" and ":audiencePrt" = space-separated group / person ids.</summary>
    public const string MethodParameterPrefix = "CN-12379:method:";

    /// <summary>parameter, repeated, one per blocked channel (the IPAWS convention).</summary>
    public const string BlockChannelParameter = "BLOCKCHANNEL";
}
