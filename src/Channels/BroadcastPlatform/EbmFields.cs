namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// Everything one EBD package of type EBM says, already in wire form (ids, Beijing times, numeric codes).
/// <see cref="EbmComposer"/> fills it from a delivery; <see cref="EbdWriter"/> writes it.
/// </summary>
internal sealed record EbmFields
{
    public required string EbdId { get; init; }
    public required string SourceEbrId { get; init; }
    public string? SourceUrl { get; init; }
    public required string DestinationEbrId { get; init; }
    public required DateTimeOffset EbdTime { get; init; }
    public required string EbmId { get; init; }
    public IReadOnlyList<string> RelatedEbmIds { get; init; } = [];
    public required int MsgType { get; init; }
    public required string SenderName { get; init; }
    public required string SenderCode { get; init; }
    public required DateTimeOffset SentTime { get; init; }
    public string? EventType { get; init; }
    public required int Severity { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required DateTimeOffset EndTime { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> AreaCodes { get; init; }
}
