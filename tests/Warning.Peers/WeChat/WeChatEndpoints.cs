using Microsoft.AspNetCore.Mvc;

namespace Warning.Peers.WeChat;

/// <summary>
/// Maps the three stand-ins under their prefixes; an adapter's ApiBaseUrl is the server plus the prefix, e.g.
/// http://127.0.0.1:18080/wechat, and the adapter appends cgi-bin/… itself.
/// </summary>
internal static class WeChatEndpoints
{
    public static void MapWeChatStandIns(this IEndpointRouteBuilder app)
    {
        var wechat = app.MapGroup(PeersDefaults.WeChatPrefix + "/cgi-bin");
        wechat.MapPost("/stable_token", (HttpRequest r, WeChatStandIn s) => s.StableTokenAsync(r));
        wechat.MapGet("/token", ([FromQuery(Name = "grant_type")] string? grantType, [FromQuery(Name = "appid")] string? appId,
            string? secret, WeChatStandIn s) => s.ClassicToken(grantType, appId, secret));
        wechat.MapPost("/message/template/send", (HttpRequest r, [FromQuery(Name = "access_token")] string? token, WeChatStandIn s) =>
            s.TemplateSendAsync(r, token));
        wechat.MapPost("/message/subscribe/bizsend", (HttpRequest r, [FromQuery(Name = "access_token")] string? token, WeChatStandIn s) =>
            s.SubscribeSendAsync(r, token));

        var wecom = app.MapGroup(PeersDefaults.WeComPrefix + "/cgi-bin");
        wecom.MapGet("/gettoken", ([FromQuery(Name = "corpid")] string? corpId, [FromQuery(Name = "corpsecret")] string? corpSecret,
            WeComStandIn s) => s.GetToken(corpId, corpSecret));
        wecom.MapPost("/message/send", (HttpRequest r, [FromQuery(Name = "access_token")] string? token, WeComStandIn s) =>
            s.SendAsync(r, token));

        app.MapPost(PeersDefaults.RobotPrefix + "/cgi-bin/webhook/send", (HttpRequest r, string? key, RobotStandIn s) => s.SendAsync(r, key));
    }
}
