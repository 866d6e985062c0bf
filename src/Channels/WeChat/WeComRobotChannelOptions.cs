using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Warning.Engine.Alerts;

namespace Warning.Channels.WeChat;

/// <summary>
/// WeCom group robots (群机器人). A robot's webhook key is its credential, so the directory addresses a robot by
/// name and the keys live here, from a configuration provider only.
/// </summary>
public sealed class WeComRobotChannelOptions
{
    public const string SectionName = "Warning:Channels:WeComRobot";

    /// <summary>Channel key. Default: "wecom-robot".</summary>
    [Required]
    public string Name { get; set; } = ChannelNames.WeComRobot;

    /// <summary>API root; the robot URL is {root}/cgi-bin/webhook/send?key=KEY. Default: "https://qyapi.weixin.qq.com".</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>Robot name (the recipient address) → webhook key.</summary>
    public Dictionary<string, string> Robots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Root of the public site with the /w/{identifier} detail pages.</summary>
    [Required, Url]
    public string DetailBaseUrl { get; set; } = "";

    /// <summary>From this level up the message mentions @all in the group. Default: Orange.</summary>
    public WarningLevel MentionAllFromLevel { get; set; } = WarningLevel.Orange;

    /// <summary>Robots per adapter call. Default: 20.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 20;

    /// <summary>Requests in flight within one batch. Default: 4.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Text content limit in UTF-8 bytes. Default: 2048.</summary>
    [Range(64, 2048)]
    public int MaxTextBytes { get; set; } = 2048;

    internal Uri ApiBase => WeChatUrls.Root(ApiBaseUrl);
}

[OptionsValidator]
internal sealed partial class WeComRobotChannelOptionsValidator : IValidateOptions<WeComRobotChannelOptions>;
