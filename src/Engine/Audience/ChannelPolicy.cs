using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// Decides, for one warning version, which channels it goes out on and to which groups: the version's own
/// channel list when it has one, else the level's defaults; minus its blocked channels; opt-outs ignored from
/// <see cref="ChannelPolicyOptions.OptOutOverrideLevel"/> up.
/// </summary>
public sealed class ChannelPolicy(ChannelPolicyOptions options)
{
    private readonly ChannelPolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyList<string> DefaultChannels(WarningLevel level)
    {
        var list = level switch
        {
            WarningLevel.Red => _options.Red,
            WarningLevel.Orange => _options.Orange,
            WarningLevel.Yellow => _options.Yellow,
            _ => _options.Blue,
        };
        return [.. (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The highest level among the version's infos, or the configured level when none carries one.</summary>
    public WarningLevel LevelOf(WarningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Infos.Select(i => i.Level).Max() ?? _options.LevelWhenMissing;
    }

    public bool OverridesOptOuts(WarningLevel level) => level >= _options.OptOutOverrideLevel;

    /// <summary>The longest text <paramref name="channel"/> may carry (500 when the options name no limit).</summary>
    public int MaxTextLength(string channel) =>
        _options.MaxTextLength.TryGetValue(channel, out var max) && max > 0 ? max : 500;

    public ChannelText RenderText(WarningMessage message, string channel, string? language = null) =>
        ChannelText.Render(message, channel, MaxTextLength(channel), language, _options.TruncationMark);

    /// <summary>One plan per channel the version will use, in order, without blocked ones.</summary>
    public IReadOnlyList<ChannelPlan> Plan(WarningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var level = LevelOf(message);
        var ignoreOptOuts = OverridesOptOuts(level);
        var chosen = message.Channels.Count > 0
            ? message.Channels.Select(d => (d.Channel, Groups: d.AudienceGroups.Count > 0 ? d.AudienceGroups : message.TargetGroups))
            : DefaultChannels(level).Select(c => (Channel: c, Groups: message.TargetGroups));
        return [.. chosen
            .Where(c => !message.BlockedChannels.Contains(c.Channel, StringComparer.OrdinalIgnoreCase))
            .DistinctBy(c => c.Channel, StringComparer.OrdinalIgnoreCase)
            .Select(c => new ChannelPlan(c.Channel.ToLowerInvariant(), c.Groups, ignoreOptOuts))];
    }
}
