using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Warning.Peers.Recording;

namespace Warning.Peers.WeChat;

/// <summary>
/// OUR stand-in for the WeCom application API (qyapi.weixin.qq.com): GET cgi-bin/gettoken?corpid=&amp;corpsecret= and
/// POST cgi-bin/message/send?access_token= with touser "u1|u2|…". Members not in the configured list come back in
/// invaliduser with errcode 0, as the platform reports partial failures; when none is valid the answer is 81013.
/// With enable_duplicate_check the same content to the same member within the interval is accepted and marked a
/// duplicate (the platform drops it silently).
/// </summary>
internal sealed class WeComStandIn(IOptions<PeersOptions> options, AccessTokens tokens, ReceivedLog log, TimeProvider timeProvider)
{
    private const int MaxTextBytes = 2048;
    private const int DefaultDuplicateWindowSeconds = 1800;
    private readonly WeComStandInOptions _options = options.Value.WeCom;
    private readonly Dictionary<string, DateTimeOffset> _lastSent = new(StringComparer.Ordinal);
    private long _msgid;

    private string Account => "wecom:" + _options.CorpId;

    public IResult GetToken(string? corpId, string? corpSecret)
    {
        if (corpId != _options.CorpId)
        {
            return WeChatAnswers.Error(40013, "invalid corpid");
        }
        if (corpSecret != _options.CorpSecret)
        {
            return WeChatAnswers.Error(40001, "invalid credential");
        }
        var (token, expiresIn) = tokens.Current(Account, _options.TokenLifetime);
        return WeChatAnswers.Ok(("access_token", token), ("expires_in", expiresIn));
    }

    public async Task<IResult> SendAsync(HttpRequest request, string? accessToken)
    {
        var check = tokens.Check(Account, accessToken);
        if (check != TokenCheck.Valid)
        {
            return WeChatAnswers.TokenRefused(check, 40014, "invalid access_token");
        }
        if (await WeChatAnswers.ReadBodyAsync(request) is not { } body)
        {
            return WeChatAnswers.DataFormatError();
        }
        if (WeChatAnswers.Number(body, "agentid") != _options.AgentId)
        {
            return WeChatAnswers.Error(40056, "invalid agentid");
        }
        if (WeChatAnswers.String(body, "msgtype") != "text" || body["text"]?["content"] is not JsonValue contentValue
            || !contentValue.TryGetValue<string>(out var content) || content.Length == 0)
        {
            return WeChatAnswers.Error(40008, "invalid message type");
        }
        if (Encoding.UTF8.GetByteCount(content) > MaxTextBytes)
        {
            return WeChatAnswers.Error(45002, "content size out of limit");
        }
        var users = (WeChatAnswers.String(body, "touser") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);
        var invalid = users.Where(u => _options.Members.Count > 0 && !_options.Members.Contains(u, StringComparer.Ordinal)).ToArray();
        var valid = users.Except(invalid, StringComparer.Ordinal).ToArray();
        if (valid.Length == 0)
        {
            return WeChatAnswers.Error(81013, "user & party & tag all invalid");
        }
        var msgid = "peers-wecom-" + Interlocked.Increment(ref _msgid).ToString(CultureInfo.InvariantCulture);
        var now = timeProvider.GetUtcNow();
        var checkDuplicates = WeChatAnswers.Number(body, "enable_duplicate_check") == 1;
        var window = TimeSpan.FromSeconds(WeChatAnswers.Number(body, "duplicate_check_interval") ?? DefaultDuplicateWindowSeconds);
        foreach (var user in valid)
        {
            var duplicate = checkDuplicates && IsRepeat(user, content, now, window);
            log.Add(new ReceivedMessage(PeerChannels.WeCom, user, DetailLinks.Identifier(content), null, msgid, ReceivedKinds.Send, content,
                duplicate, now));
        }
        return WeChatAnswers.Ok(("invaliduser", string.Join('|', invalid)), ("invalidparty", ""), ("invalidtag", ""),
            ("unlicenseduser", ""), ("msgid", msgid), ("response_code", "peers-" + msgid));
    }

    private bool IsRepeat(string user, string content, DateTimeOffset now, TimeSpan window)
    {
        var key = user + "\n" + content;
        lock (_lastSent)
        {
            var repeat = _lastSent.TryGetValue(key, out var last) && now - last < window;
            if (!repeat)
            {
                _lastSent[key] = now;
            }
            return repeat;
        }
    }
}
