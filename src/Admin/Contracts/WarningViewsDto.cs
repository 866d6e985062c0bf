using Warning.Engine.Issuing;

namespace Warning.Admin.Contracts;

/// <summary>One warning thread in a list.</summary>
public sealed record ThreadSummary(string Id, string DepartmentId, string State, string Status, string? Level, string? EventCode,
    string? Headline, string? PendingState, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A warning thread with every version and its sign-off history.</summary>
public sealed record ThreadView(string Id, string DepartmentId, string State, string Status, long Revision,
    string? CurrentVersionId, string? PendingVersionId, string PublicUrl, IReadOnlyList<VersionView> Versions);

public sealed record VersionView(string Id, string Kind, string State, string Status, string? Level, string? Headline,
    string? Description, string? Instruction, string? Event, string? EventType, IReadOnlyList<AreaView> Areas,
    IReadOnlyList<string> Groups, IReadOnlyList<string> Channels, string DraftedBy, string? ApprovedBy,
    DateTimeOffset Sent, DateTimeOffset? PublishedAt, string? Note, IReadOnlyList<HistoryView> History);

public sealed record AreaView(string Code, string Name);

public sealed record HistoryView(string Action, string Actor, DateTimeOffset At, string? Comment);

/// <summary>A version's fan-out: live from this node's board while it runs, else the audit store's counts.</summary>
public sealed record ProgressView(string VersionId, string State, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<ChannelProgressView> Channels, IReadOnlyList<string> UnavailableChannels, string? Error, double Percent);

public sealed record ChannelProgressView(string Channel, long Targeted, long Sent, long Delivered, long Failed, long Skipped,
    long Unknown, long Done, double Percent);

public sealed record PublishResult(ThreadView Thread, ProgressView Progress);

/// <summary>
/// Who a draft would reach. <see cref="Total"/> counts the channels this host sends on; <see cref="UnavailableChannels"/>
/// are channels with recipients in <see cref="ByChannel"/> that this host has no adapter for, so they are not sent.
/// </summary>
public sealed record AudiencePreviewView(int Total, IReadOnlyDictionary<string, int> ByChannel, IReadOnlyList<string> UnsupportedChannels,
    IReadOnlyList<ChannelTextView> Texts, string Headline, IReadOnlyList<string> UnavailableChannels);

/// <summary>The text one channel would send, its length and the channel's limit.</summary>
public sealed record ChannelTextView(string Channel, string Text, int Length, int MaxLength, bool Truncated);

public sealed record CommentRequest(string? Comment);

public sealed record CancelRequest(string Reason);

public sealed record CurvePointView(DateTimeOffset At, long Delivered, long Cumulative);

/// <summary>
/// Per-version report: coverage (reached ÷ targeted) and the time from publication to 90 % reached. A delivery is
/// reached when the provider confirmed it (Delivered), or, on a channel that has no delivery receipts (LED, broadcast,
/// the sandbox), when the provider accepted it: that is the most such a channel can ever tell.
/// </summary>
public sealed record VersionReport(string ThreadId, string VersionId, DateTimeOffset? PublishedAt, long Targeted, long Submitted,
    long Delivered, long Failed, long Reached, double Coverage, double? SecondsTo90Percent, IReadOnlyList<CountsView> ByChannel,
    IReadOnlyList<CountsView> ByArea, IReadOnlyList<CurvePointView> Curve);

public sealed record CountsView(string Name, long Targeted, long Submitted, long Delivered, long Failed, long Reached, double Coverage);

public sealed record ActionLogView(bool Verified, long? FirstBrokenId, IReadOnlyList<ActionView> Entries);

public sealed record ActionView(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Details, string Hash);

internal static class IssuingErrorStatus
{
    public static int Of(IssuingError error) => error switch
    {
        IssuingError.NotFound => StatusCodes.Status404NotFound,
        IssuingError.Forbidden or IssuingError.OutsideJurisdiction => StatusCodes.Status403Forbidden,
        IssuingError.InvalidContent or IssuingError.NoAudience => StatusCodes.Status422UnprocessableEntity,
        IssuingError.Lifecycle or IssuingError.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
