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

    // The channels after sms/wechat reach only who has an address there: wecom and the robots reach officials,
    // webhooks reach systems, e-mail officials and the few of the public who left one. So they cost the public
    // nothing at the lower levels, while the broadcast platform, like signs and loudspeakers, waits for Orange.

    /// <summary>Channels for Blue (IV) warnings. Default: "sms,wecom,wecom-robot,email,webhook".</summary>
    public string Blue { get; set; } = "sms,wecom,wecom-robot,email,webhook";

    /// <summary>Channels for Yellow (III) warnings. Default: "sms,wechat,wecom,wecom-robot,email,webhook".</summary>
    public string Yellow { get; set; } = "sms,wechat,wecom,wecom-robot,email,webhook";

    /// <summary>
    /// Channels for Orange (II) warnings. Default: every channel,
    /// "sms,wechat,led,broadcast,broadcast-platform,wecom,wecom-robot,email,webhook".
    /// </summary>
    public string Orange { get; set; } = "sms,wechat,led,broadcast,broadcast-platform,wecom,wecom-robot,email,webhook";

    /// <summary>
    /// Channels for Red (I) warnings. Default: every channel,
    /// "sms,wechat,led,broadcast,broadcast-platform,wecom,wecom-robot,email,webhook".
    /// </summary>
    public string Red { get; set; } = "sms,wechat,led,broadcast,broadcast-platform,wecom,wecom-robot,email,webhook";

    /// <summary>At this level and above, people's channel opt-outs are ignored. Default: Red.</summary>
    public WarningLevel OptOutOverrideLevel { get; set; } = WarningLevel.Red;

    /// <summary>The level assumed for a warning that carries none (foreign CAP). Default: Blue.</summary>
    public WarningLevel LevelWhenMissing { get; set; } = WarningLevel.Blue;

    /// <summary>
    /// Longest text per channel, in characters; an LED sign's own lines × characters can lower it. Default:
    /// sms 500 (a concatenated SMS of about 7 parts), wechat 1000, led 200, broadcast 2000, broadcast-platform
    /// 2000 (the adapter's MsgDesc limit), wecom and wecom-robot 580 (2048 UTF-8 bytes less title and link, 3 bytes
    /// a character), email 20000, webhook 20000.
    /// </summary>
    public Dictionary<string, int> MaxTextLength { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [AudienceChannels.Sms] = 500,
        [AudienceChannels.WeChat] = 1000,
        [AudienceChannels.Led] = 200,
        [AudienceChannels.Broadcast] = 2000,
        [AudienceChannels.BroadcastPlatform] = 2000,
        [AudienceChannels.WeCom] = 580,
        [AudienceChannels.WeComRobot] = 580,
        [AudienceChannels.Email] = 20_000,
        [AudienceChannels.Webhook] = 20_000,
    };

    /// <summary>Appended to a text cut to its channel's length. Default: "…".</summary>
    public string TruncationMark { get; set; } = "…";
}
