namespace Warning.Peers.BroadcastPlatform;

/// <summary>What the platform received in one POST and what the independent tools said about it.</summary>
internal sealed record ReceivedPackage(
    string FileName,
    IReadOnlyList<string> TarListing,
    string EbdXml,
    string EbdsXml,
    bool SignatureVerified,
    string OpenSslOutput,
    bool SchemaValid,
    string XmllintOutput,
    string EbdPath,
    string SignaturePath);
