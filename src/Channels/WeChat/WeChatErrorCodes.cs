using Warning.Engine.Channels;

namespace Warning.Channels.WeChat;

/// <summary>
/// What the platform's error codes mean for a delivery (shared/reference/channel-protocols.md §2, from the
/// Official Account and WeCom global error-code pages).
/// </summary>
public static class WeChatErrorCodes
{
    public const int SystemBusy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidOpenId = 40003;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int NotFollowing = 43004;
    public const int Blacklisted = 43019;
    public const int SubscriptionRefused = 43101;
    public const int QuotaReached = 45009;
    public const int MinuteLimitReached = 45011;
    public const int WeComConcurrencyLimit = 45033;
    public const int WeComUserNotFound = 60111;
    public const int WeComAllRecipientsInvalid = 81013;
    public const int RobotInvalidWebhookUrl = 93000;

    /// <summary>The token was refused: drop it, fetch another, send that one request again (once).</summary>
    public static bool IsTokenRefused(int errcode) => errcode is InvalidCredential or InvalidAccessToken or AccessTokenExpired;

    /// <summary>
    /// The result for one recipient of a failed reply. <paramref name="quotaPause"/> is how long a 45009 holds on
    /// this API: until the next day for Official Account quotas, a minute for WeCom's frequency limits.
    /// </summary>
    public static DeliveryResult ToResult(int recipient, WeChatReply reply, TimeSpan quotaPause)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.TransportError is not null)
        {
            return DeliveryResult.Transient(recipient, reply.TransportError);
        }
        var detail = reply.ToString();
        return reply.ErrCode switch
        {
            SystemBusy => DeliveryResult.Transient(recipient, detail),
            _ when IsTokenRefused(reply.ErrCode) => DeliveryResult.Transient(recipient, $"token refused after refresh: {detail}"),
            QuotaReached => DeliveryResult.Throttled(recipient, detail, quotaPause),
            MinuteLimitReached or WeComConcurrencyLimit => DeliveryResult.Throttled(recipient, detail, TimeSpan.FromMinutes(1)),
            InvalidOpenId or NotFollowing or Blacklisted or SubscriptionRefused or WeComUserNotFound
                or WeComAllRecipientsInvalid or RobotInvalidWebhookUrl => DeliveryResult.Rejected(recipient, detail),
            _ => DeliveryResult.Failed(recipient, detail),
        };
    }
}
