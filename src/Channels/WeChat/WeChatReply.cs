using System.Text.Json;

namespace Warning.Channels.WeChat;

/// <summary>
/// One answer from api.weixin.qq.com or qyapi.weixin.qq.com: the platform answers HTTP 200 with an errcode, so
/// a reply is either a parsed body or a transport failure (network, timeout, 5xx, unreadable body).
/// </summary>
public sealed record WeChatReply(int ErrCode, string? ErrMsg, JsonElement Body, string? TransportError)
{
    public bool IsOk => TransportError is null && ErrCode == 0;

    public static WeChatReply Transport(string error) => new(-1, null, default, error);

    public string? GetString(string property) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public static WeChatReply Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var body = document.RootElement.Clone();
        var code = body.TryGetProperty("errcode", out var errcode) && errcode.TryGetInt32(out var c) ? c : 0;
        var message = body.TryGetProperty("errmsg", out var errmsg) ? errmsg.GetString() : null;
        return new WeChatReply(code, message, body, null);
    }

    public override string ToString() => TransportError ?? $"errcode {ErrCode}: {ErrMsg}";
}
