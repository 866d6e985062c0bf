namespace Warning.Engine.Audience;

/// <summary>
/// Who a version reaches, channel by channel, against one directory snapshot. <see cref="IsEmpty"/> means it
/// reaches nobody on any channel: the caller refuses to publish. <see cref="UnsupportedChannels"/> lists
/// channels the policy chose that the directory cannot address (a name outside <see cref="AudienceChannels.All"/>,
/// such as a mistyped channel in configuration). Whether this host has an adapter for a channel is not decided
/// here: the publication runners skip and report channels without one.
/// </summary>
public sealed record WarningAudience(
    long DirectoryVersion,
    IReadOnlyList<ChannelAudience> Channels,
    IReadOnlyList<string> UnsupportedChannels)
{
    public long Total => Channels.Sum(c => (long)c.Recipients.Count);

    public bool IsEmpty => Total == 0;
}
