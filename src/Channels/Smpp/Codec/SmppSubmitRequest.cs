namespace Warning.Channels.Smpp.Codec;

/// <summary>The fields of submit_sm (§4.4.1) that are the same for every segment of one message to one address.</summary>
internal readonly record struct SmppSubmitRequest(
    string ServiceType,
    byte SourceTon,
    byte SourceNpi,
    string SourceAddress,
    byte DestinationTon,
    byte DestinationNpi,
    string DestinationAddress,
    byte EsmClass,
    byte RegisteredDelivery,
    DateTimeOffset? ValidUntil);
