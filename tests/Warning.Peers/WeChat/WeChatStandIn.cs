using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Warning.Peers.Recording;

namespace Warning.Peers.WeChat;

/// <summary>
/// OUR stand-in for the Official Account API (api.weixin.qq.com), at the paths the WeChat adapter calls under its
/// ApiBaseUrl: POST cgi-bin/stable_token (and GET cgi-bin/token), POST cgi-bin/message/template/send and
/// cgi-bin/message/subscribe/bizsend with ?access_token=. It checks what the platform checks and answers with
/// the documented errcodes; it delivers nothing anywhere, it records.
/// </summary>
internal sealed class WeChatStandIn(IOptions<PeersOptions> options, AccessTokens tokens, ReceivedLog log, TimeProvider timeProvider)
{
    private readonly WeChatStandInOptions _options = options.Value.WeChat;
    private readonly HashSet<string> _sentClientMessages = new(StringComparer.Ordinal);
    private long _msgid = 200_000_000;

    private string Account => "oa:" + _options.AppId;

    public async Task<IResult> StableTokenAsync(HttpRequest request)
    {
        if (await WeChatAnswers.ReadBodyAsync(request) is not { } body)
        {
            return WeChatAnswers.DataFormatError();
        }
        var force = body["force_refresh"] is JsonValue v && v.TryGetValue<bool>(out var f) && f;
        return Token(WeChatAnswers.String(body, "grant_type"), WeChatAnswers.String(body, "appid"), WeChatAnswers.String(body, "secret"), force);
    }

    public IResult ClassicToken(string? grantType, string? appId, string? secret) => Token(grantType, appId, secret, forceRefresh: false);

    public Task<IResult> TemplateSendAsync(HttpRequest request, string? accessToken) => SendAsync(request, accessToken, subscription: false);

    public Task<IResult> SubscribeSendAsync(HttpRequest request, string? accessToken) => SendAsync(request, accessToken, subscription: true);

    private IResult Token(string? grantType, string? appId, string? secret, bool forceRefresh)
    {
        if (grantType != "client_credential")
        {
            return WeChatAnswers.Error(40002, "invalid grant_type");
        }
        if (appId != _options.AppId)
        {
            return WeChatAnswers.Error(40013, "invalid appid");
        }
        if (secret != _options.AppSecret)
        {
            return WeChatAnswers.Error(40125, "invalid appsecret");
        }
        var (token, expiresIn) = tokens.Current(Account, _options.TokenLifetime, forceRefresh);
        // The token endpoints answer without errcode when they succeed.
        return Results.Json(new { access_token = token, expires_in = expiresIn });
    }

    private async Task<IResult> SendAsync(HttpRequest request, string? accessToken, bool subscription)
    {
        var check = tokens.Check(Account, accessToken);
        if (check != TokenCheck.Valid)
        {
            return WeChatAnswers.TokenRefused(check, 40001, "invalid credential, access_token is invalid or not latest");
        }
        if (await WeChatAnswers.ReadBodyAsync(request) is not { } body)
        {
            return WeChatAnswers.DataFormatError();
        }
        var touser = WeChatAnswers.String(body, "touser");
        if (string.IsNullOrEmpty(touser))
        {
            return WeChatAnswers.Error(40003, "invalid openid");
        }
        if (WeChatAnswers.String(body, "template_id") != _options.TemplateId)
        {
            return WeChatAnswers.Error(40037, "invalid template_id");
        }
        if (_options.Followers.Count > 0 && !_options.Followers.Contains(touser, StringComparer.Ordinal))
        {
            return subscription ? WeChatAnswers.Error(43101, "user refuse to accept the msg") : WeChatAnswers.Error(43004, "require subscribe");
        }
        if (TemplateValueLimits.FirstProblem(body["data"] as JsonObject, subscription) is { } problem)
        {
            return WeChatAnswers.Error(47003, problem);
        }
        var link = WeChatAnswers.String(body, subscription ? "page" : "url");
        var clientMsgId = WeChatAnswers.String(body, "client_msg_id");
        bool duplicate;
        lock (_sentClientMessages)
        {
            // The platform sends one message per openid and client_msg_id; a repeat is accepted and not sent again.
            duplicate = clientMsgId is not null && !_sentClientMessages.Add(touser + "\n" + clientMsgId);
        }
        var msgid = Interlocked.Increment(ref _msgid);
        log.Add(new ReceivedMessage(PeerChannels.WeChat, touser, DetailLinks.Identifier(link), null,
            msgid.ToString(System.Globalization.CultureInfo.InvariantCulture), ReceivedKinds.Send, Values(body["data"] as JsonObject),
            duplicate, timeProvider.GetUtcNow(), subscription ? "subscribe" : "template"));
        return subscription ? WeChatAnswers.Ok() : WeChatAnswers.Ok(("msgid", msgid));
    }

    private static string Values(JsonObject? data) =>
        string.Join(" | ", (data ?? []).Select(p => p.Value?["value"]?.GetValue<string>()).Where(v => !string.IsNullOrEmpty(v)));
}
