namespace Warning.Peers.WeChat;

/// <summary>The Official Account (公众号) API.</summary>
internal sealed class WeChatStandInOptions
{
    public string AppId { get; set; } = PeersDefaults.WeChatAppId;

    public string AppSecret { get; set; } = PeersDefaults.WeChatAppSecret;

    /// <summary>The approved template; another template_id is answered 40037.</summary>
    public string TemplateId { get; set; } = PeersDefaults.WeChatTemplateId;

    /// <summary>Openids that follow the account; others are answered 43004. Empty: everybody follows. Default: empty.</summary>
    public List<string> Followers { get; set; } = [];

    public TimeSpan TokenLifetime { get; set; } = PeersDefaults.TokenLifetime;
}
