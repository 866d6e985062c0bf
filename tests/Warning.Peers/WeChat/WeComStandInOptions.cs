namespace Warning.Peers.WeChat;

/// <summary>The WeCom (企业微信) application API.</summary>
internal sealed class WeComStandInOptions
{
    public string CorpId { get; set; } = PeersDefaults.WeComCorpId;

    public string CorpSecret { get; set; } = PeersDefaults.WeComCorpSecret;

    public int AgentId { get; set; } = PeersDefaults.WeComAgentId;

    /// <summary>Member userids; others come back in invaliduser. Empty: every userid is a member. Default: empty.</summary>
    public List<string> Members { get; set; } = [];

    public TimeSpan TokenLifetime { get; set; } = PeersDefaults.TokenLifetime;
}
