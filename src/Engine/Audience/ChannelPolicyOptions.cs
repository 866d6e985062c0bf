using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// Which channels each level uses when a warning does not choose its own, when personal opt-outs stop counting,
/// and how long each channel's text may be. Bound from the "Warning:ChannelPolicy" section. Channel lists are
/// comma-separated strings, not arrays, because the configuration binder appends bound array items to an
/// initialised default instead of replacing it.
/// </summary>
public sealed class ChannelPolicyOptions
{
    public const string SectionName = "Warning:ChannelPolicy";

    /// <summary>Channels for Blue (IV) warnings. Default: "sms".</summary>
    public string Blue { get; set; } = "sms";

    /// <summary>Channels for Yellow (III) warnings. Default: "sms,wechat".</summary>
    public string Yellow { get; set; } = "sms,wechat";

    /// <summary>Channels for Orange (II) warnings. Default: "sms,wechat,led,broadcast".</summary>
    public string Orange { get; set; } = "sms,wechat,led,broadcast";

    /// <summary>Channels for Red (I) warnings. Default: "sms,wechat,led,broadcast" (every channel).</summary>
    public string Red { get; set; } = "sms,wechat,led,broadcast";

    /// <summary>At this level and above, people's channel opt-outs are ignored. Default: Red.</summary>
    public WarningLevel OptOutOverrideLevel { get; set; } = WarningLevel.Red;

    /// <summary>The level assumed for a warning that carries none (foreign CAP). Default: Blue.</summary>
    public WarningLevel LevelWhenMissing { get; set; } = WarningLevel.Blue;

    /// <summary>
    /// Longest text per channel, in characters; an LED sign's own lines × characters can lower it. Default:
    /// sms 500 (a concatenated SMS of about 7 parts), wechat 1000, led 200, broadcast 2000.
    /// </summary>
    public Dictionary<string, int> MaxTextLength { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [AudienceChannels.Sms] = 500,
        [AudienceChannels.WeChat] = 1000,
        [AudienceChannels.Led] = 200,
        [AudienceChannels.Broadcast] = 2000,
    };

    /// <summary>Appended to a text cut to its channel's length. Default: "…".</summary>
    public string TruncationMark { get; set; } = "…";
}
