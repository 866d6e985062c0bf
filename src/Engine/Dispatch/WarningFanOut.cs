using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

/// <summary>
/// The thinnest path from a published version to its deliveries: resolve the audience against one directory
/// snapshot, refuse an audience of nobody, cut each channel's recipients into shards (the durable unit a job
/// runner will own, issue 5) and run them through the <see cref="FanOutDispatcher"/>.
/// </summary>
public sealed class WarningFanOut(AudienceResolver resolver, DirectoryStore directory, FanOutDispatcher dispatcher,
    TimeProvider timeProvider)
{
    /// <summary>Recipients per shard (design.md: about 10–50 k). Default: 50,000.</summary>
    public int ShardSize { get; init; } = 50_000;

    /// <summary>How long ledger entries outlive a version without an expiry time. Default: 2 days.</summary>
    public TimeSpan DefaultTimeToLive { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The shards of <paramref name="message"/> in thread <paramref name="threadId"/>; empty when it reaches nobody.</summary>
    public IReadOnlyList<DispatchRequest> Plan(string threadId, WarningMessage message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentNullException.ThrowIfNull(message);
        var snapshot = directory.Current;
        var audience = resolver.Resolve(message);
        if (audience.DirectoryVersion != snapshot.Version)
        {
            // The directory changed between the two reads: resolve again so that indexes and addresses agree.
            snapshot = directory.Current;
            audience = resolver.Resolve(message);
        }
        var level = message.Infos.Select(i => i.Level).Max();
        var expires = message.Infos.Select(i => i.Expires).Max();
        var timeToLive = expires is { } end && end - timeProvider.GetUtcNow() > TimeSpan.Zero
            ? end - timeProvider.GetUtcNow() + TimeSpan.FromDays(1)
            : DefaultTimeToLive;
        var shards = new List<DispatchRequest>();
        var texts = resolver.TextByChannel(message);
        foreach (var channel in audience.Channels)
        {
            var content = new DeliveryContent(threadId, message.Identifier, message.MsgType, message.Status, level,
                channel.Text.Text, expires)
            { Message = message, TextByChannel = texts };
            var recipients = channel.Recipients.Memory;
            for (var offset = 0; offset < recipients.Length; offset += ShardSize)
            {
                shards.Add(new DispatchRequest(content, channel.Channel,
                    recipients.Slice(offset, Math.Min(ShardSize, recipients.Length - offset)), snapshot, timeToLive));
            }
        }
        return shards;
    }

    /// <summary>
    /// Plans and sends <paramref name="message"/>; throws when its targeting reaches nobody, and
    /// <see cref="ChannelNotRegisteredException"/> before sending anything when it reaches somebody on a channel
    /// the dispatcher has no adapter for (the publication runners skip such channels and report them instead).
    /// </summary>
    public async Task<IReadOnlyList<DispatchSummary>> PublishAsync(string threadId, WarningMessage message,
        CancellationToken cancellationToken = default)
    {
        var shards = Plan(threadId, message);
        if (shards.Count == 0)
        {
            throw new InvalidOperationException(
                $"Version {message.Identifier} reaches nobody: its areas, groups and channels match no recipient. Nothing was sent.");
        }
        var missing = shards.Select(s => s.Channel).Where(c => !dispatcher.CanSend(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            throw new ChannelNotRegisteredException(
                $"Version {message.Identifier} has recipients on {string.Join(", ", missing)}, which have no adapter. Nothing was sent.");
        }
        var summaries = new DispatchSummary[shards.Count];
        for (var i = 0; i < shards.Count; i++)
        {
            summaries[i] = await dispatcher.DispatchAsync(shards[i], cancellationToken).ConfigureAwait(false);
        }
        return summaries;
    }
}
