using System.ComponentModel.DataAnnotations;

namespace Warning.Channels.WeChat;

/// <summary>The cluster-wide token cache in Redis.</summary>
public sealed class RedisAccessTokenCacheOptions
{
    public const string SectionName = "Warning:Channels:WeChat:TokenCache";

    /// <summary>Key prefix; the account goes in a hash tag after it (Cluster-safe). Default: "warning:wechat-token:".</summary>
    [Required]
    public string KeyPrefix { get; set; } = "warning:wechat-token:";

    /// <summary>
    /// How long one node may hold the refresh lock: long enough for one token call, short enough that a crashed
    /// node does not stall the others. Default: 10 s.
    /// </summary>
    public TimeSpan LockTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a node waiting for another node's refresh looks for the new token. Default: 50 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}
