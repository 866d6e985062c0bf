using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Warning.Channels.WeChat;

/// <summary>How the Official Account (公众号) sends: template messages or subscription notices.</summary>
public enum WeChatMessageKind
{
    /// <summary>模板消息: POST /cgi-bin/message/template/send, to followers.</summary>
    Template,

    /// <summary>订阅通知: POST /cgi-bin/message/subscribe/bizsend, to users who subscribed.</summary>
    Subscription,
}

/// <summary>The Official Account channel. AppSecret comes only from a configuration provider, never config/*.json.</summary>
public sealed class WeChatChannelOptions
{
    public const string SectionName = "Warning:Channels:WeChat";

    /// <summary>Channel key. Default: "wechat".</summary>
    [Required]
    public string Name { get; set; } = ChannelNames.WeChat;

    /// <summary>API root. Default: "https://api.weixin.qq.com".</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";

    [Required]
    public string AppId { get; set; } = "";

    [Required]
    public string AppSecret { get; set; } = "";

    /// <summary>Template or subscription notice. Default: Template.</summary>
    public WeChatMessageKind MessageKind { get; set; } = WeChatMessageKind.Template;

    /// <summary>The approved template (模板 ID) with the four fields below.</summary>
    [Required]
    public string TemplateId { get; set; } = "";

    /// <summary>Which template keyword carries which fact.</summary>
    public WeChatTemplateFields Fields { get; set; } = new();

    /// <summary>
    /// Root of the public site whose /w/{identifier} page shows the whole warning; every message links there,
    /// because template fields carry only 20 characters each.
    /// </summary>
    [Required, Url]
    public string DetailBaseUrl { get; set; } = "";

    /// <summary>Characters per template field (the platform's limit since 2023-05-04). Default: 20.</summary>
    [Range(1, 200)]
    public int FieldMaxLength { get; set; } = 20;

    /// <summary>Recipients per adapter call. Default: 100.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Requests in flight within one batch (the API takes one openid per call). Default: 8.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; set; } = 8;

    internal Uri ApiBase => WeChatUrls.Root(ApiBaseUrl);
}

/// <summary>Template keywords for the key facts; an empty name leaves that fact out.</summary>
public sealed class WeChatTemplateFields
{
    /// <summary>Event, e.g. 暴雨. Default: "keyword1" (subscription notices use names like "thing1").</summary>
    public string Event { get; set; } = "keyword1";

    /// <summary>Level, e.g. 红色预警. Default: "keyword2".</summary>
    public string Level { get; set; } = "keyword2";

    /// <summary>Area. Default: "keyword3".</summary>
    public string Area { get; set; } = "keyword3";

    /// <summary>Time (Beijing). Default: "keyword4".</summary>
    public string Time { get; set; } = "keyword4";
}

[OptionsValidator]
internal sealed partial class WeChatChannelOptionsValidator : IValidateOptions<WeChatChannelOptions>;

internal static class WeChatUrls
{
    /// <summary>An API root that relative paths resolve under, whether or not configuration ends it with "/".</summary>
    public static Uri Root(string url) => new(url.TrimEnd('/') + "/", UriKind.Absolute);
}
