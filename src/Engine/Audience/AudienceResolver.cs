using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// Turns a warning version into its audience: its areas (all infos, union) ∩ the policy's groups ∩ each channel
/// the policy chose, against the store's current snapshot taken once.
/// </summary>
public sealed class AudienceResolver(DirectoryStore store, ChannelPolicy policy)
{
    /// <summary>
    /// The text of <paramref name="message"/> on every channel the engine knows, cut to each one's limit: what a
    /// channel falling back to another sends there.
    /// </summary>
    public IReadOnlyDictionary<string, string> TextByChannel(WarningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AudienceChannels.All.ToDictionary(c => c, c => policy.RenderText(message, c).Text, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Throws <see cref="AudienceTargetingException"/> for unknown areas or groups and invalid shapes.</summary>
    public WarningAudience Resolve(WarningMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = store.Current;
        var areas = AudienceQuery.ForAreas(message.Infos.SelectMany(i => i.Areas), AudienceChannels.Sms);
        var channels = new List<ChannelAudience>();
        var unsupported = new List<string>();
        foreach (var plan in policy.Plan(message))
        {
            if (!AudienceChannels.IsKnown(plan.Channel))
            {
                unsupported.Add(plan.Channel);
                continue;
            }
            var query = areas with { Channel = plan.Channel, Groups = plan.Groups, IgnoreOptOuts = plan.IgnoreOptOuts };
            var recipients = directory.Audience.Resolve(query);
            channels.Add(new ChannelAudience(plan.Channel, recipients, policy.RenderText(message, plan.Channel)));
        }
        return new WarningAudience(directory.Version, channels, unsupported);
    }
}
