using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class CapAtomFeed
{
    /// <summary>
    /// The versions a public feed shows at <paramref name="now"/>, newest first: Actual, Public and not Inner;
    /// not superseded by another version in the list; not expired; a Cancel only within the retention window.
    /// </summary>
    public static IReadOnlyList<WarningMessage> SelectActive(IEnumerable<WarningMessage> warnings, DateTimeOffset now,
        TimeSpan cancelRetention)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var candidates = warnings.Where(IsPublic).ToList();
        var superseded = candidates.SelectMany(m => m.References).Select(r => r.Identifier).ToHashSet(StringComparer.Ordinal);
        return candidates
            .Where(m => !superseded.Contains(m.Identifier))
            .Where(m => EndOf(m, cancelRetention) is not { } end || end > now)
            .OrderByDescending(m => m.Sent)
            .ThenBy(m => m.Identifier, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Tests, exercises and drafts never reach the public; neither do restricted or private scopes, nor a 12379
    /// version classified Inner (内部).
    /// </summary>
    private static bool IsPublic(WarningMessage message) =>
        message is { Status: AlertStatus.Actual, Scope: AlertScope.Public }
        && !string.Equals(message.SecClassification, "Inner", StringComparison.OrdinalIgnoreCase)
        && message.MsgType is MessageType.Alert or MessageType.Update or MessageType.Cancel;

    /// <summary>When a version leaves the feed by itself: a Cancel after the retention, others at their last expiry.</summary>
    private static DateTimeOffset? EndOf(WarningMessage message, TimeSpan cancelRetention)
    {
        if (message.MsgType == MessageType.Cancel)
        {
            return message.Sent + cancelRetention;
        }
        // Without expires on every info, CAP leaves the end to the reader: it stays until updated or cancelled.
        return message.Infos.Count > 0 && message.Infos.All(i => i.Expires is not null)
            ? message.Infos.Max(i => i.Expires)
            : null;
    }

    /// <summary>
    /// The last moment the feed's content changed, at or before <paramref name="now"/>: a version was sent, one
    /// expired, or a Cancel's retention ran out. Stable between changes, so readers' caches work.
    /// </summary>
    private static DateTimeOffset LastChange(IEnumerable<WarningMessage> warnings, DateTimeOffset now, TimeSpan cancelRetention)
    {
        var changes = warnings.Where(IsPublic)
            .SelectMany(m => new[] { m.Sent, EndOf(m, cancelRetention) })
            .OfType<DateTimeOffset>()
            .Where(t => t <= now)
            .ToList();
        return changes.Count > 0 ? changes.Max() : now;
    }

    /// <summary>The public copy of a version: per-channel text and audiences, target groups and channel blocks are internal.</summary>
    private static WarningMessage PublicCopy(WarningMessage message) =>
        message with { Channels = [], TargetGroups = [], BlockedChannels = [] };
}
