namespace Warning.Engine.Codecs;

/// <summary>How <see cref="CapAtomFeed"/> names and links the public feed.</summary>
public sealed record CapAtomFeedOptions
{
    /// <summary>Feed title. Default: 预警信息发布.</summary>
    public string Title { get; init; } = "预警信息发布";

    /// <summary>Feed author (the publishing bureau); entries name their own department. Default: none.</summary>
    public string? AuthorName { get; init; }

    /// <summary>Where the feed is served, relative to the base URL (its <c>self</c> link and id). Default: feed/cap.atom.</summary>
    public string FeedPath { get; init; } = "feed/cap.atom";

    /// <summary>
    /// Where one version's CAP document is served, relative to the base URL; <c>{0}</c> is the escaped identifier.
    /// Written as each entry's <c>alternate</c> link of type application/cap+xml. Default: cap/{0}.xml.
    /// </summary>
    public string CapPathFormat { get; init; } = "cap/{0}.xml";

    /// <summary>
    /// How long a Cancel stays in the feed so readers learn the warning ended (Google's publisher guidance keeps
    /// ended alerts 24–48 h). Default: 24 hours.
    /// </summary>
    public TimeSpan CancelRetention { get; init; } = TimeSpan.FromHours(24);
}
