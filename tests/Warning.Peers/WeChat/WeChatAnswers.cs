using System.Text.Json.Nodes;

namespace Warning.Peers.WeChat;

/// <summary>
/// The platforms answer HTTP 200 with an errcode, also for errors. The codes and messages are the ones the
/// platforms' global error-code pages list (shared/reference/channel-protocols.md §2) and the channel tests'
/// documentation-derived stubs use.
/// </summary>
internal static class WeChatAnswers
{
    public static IResult Ok(params (string Name, JsonNode? Value)[] extra)
    {
        var body = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
        foreach (var (name, value) in extra)
        {
            body[name] = value;
        }
        return Json(body);
    }

    public static IResult Error(int errcode, string errmsg) => Json(new JsonObject { ["errcode"] = errcode, ["errmsg"] = errmsg });

    public static IResult DataFormatError() => Error(47001, "data format error");

    public static IResult TokenRefused(TokenCheck check, int unknownCode, string unknownMessage) =>
        check == TokenCheck.Expired ? Error(42001, "access_token expired") : Error(unknownCode, unknownMessage);

    /// <summary>The JSON body, or null when it is not a JSON object (answered 47001 by the caller).</summary>
    public static async Task<JsonObject?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static int? Number(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
}
