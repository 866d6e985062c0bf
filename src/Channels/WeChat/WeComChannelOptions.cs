using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Warning.Channels.WeChat;

/// <summary>WeCom (企业微信) application messages to members. CorpSecret comes only from a configuration provider.</summary>
public sealed class WeComChannelOptions
{
    public const string SectionName = "Warning:Channels:WeCom";

    /// <summary>Channel key. Default: "wecom".</summary>
    [Required]
    public string Name { get; set; } = ChannelNames.WeCom;

    /// <summary>API root. Default: "https://qyapi.weixin.qq.com".</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    [Required]
    public string CorpId { get; set; } = "";

    /// <summary>The application's secret (one token per application secret).</summary>
    [Required]
    public string CorpSecret { get; set; } = "";

    /// <summary>The application (agentid) that sends.</summary>
    [Range(1, int.MaxValue)]
    public int AgentId { get; set; }

    /// <summary>Root of the public site with the /w/{identifier} detail pages.</summary>
    [Required, Url]
    public string DetailBaseUrl { get; set; } = "";

    /// <summary>Members per call (touser takes at most 1000). Default: 1000.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Text content limit in UTF-8 bytes. Default: 2048.</summary>
    [Range(64, 2048)]
    public int MaxTextBytes { get; set; } = 2048;

    /// <summary>
    /// Let the platform drop a repeat of the same content to the same member within
    /// <see cref="DuplicateCheckInterval"/>, so a resend after a lost answer is harmless. Default: true.
    /// </summary>
    public bool EnableDuplicateCheck { get; set; } = true;

    /// <summary>Window of that check (the platform allows up to 4 hours). Default: 30 minutes.</summary>
    public TimeSpan DuplicateCheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    internal Uri ApiBase => WeChatUrls.Root(ApiBaseUrl);
}

[OptionsValidator]
internal sealed partial class WeComChannelOptionsValidator : IValidateOptions<WeComChannelOptions>;
