using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Warning.Channels.Tests.WeChat;

/// <summary>
/// A STUB of api.weixin.qq.com / qyapi.weixin.qq.com, not the real thing: no open-source emulator of these APIs
/// exists (shared/reference/channel-protocols.md §2.3). WireMock.Net serves answers transcribed from the official
/// documentation's examples, with the page next to each; what the tests prove is that our requests have the
/// documented shape and that we read the documented answers right, not that the platform behaves so today.
/// </summary>
internal sealed class WeChatApiStub : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public string BaseUrl => Server.Url!;

    /// <summary>
    /// POST /cgi-bin/stable_token, answering the tokens in turn (the last one from then on).
    /// Doc: developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html
    /// example answer {"access_token":"ACCESS_TOKEN","expires_in":7200}.
    /// </summary>
    public WeChatApiStub StableToken(params string[] tokens) =>
        Sequence("/cgi-bin/stable_token", "POST", tokens.Select(t => $$"""{"access_token":"{{t}}","expires_in":7200}"""));

    /// <summary>
    /// GET /cgi-bin/gettoken. Doc: developer.work.weixin.qq.com/document/path/91039
    /// example answer {"errcode":0,"errmsg":"ok","access_token":"accesstoken000001","expires_in":7200}.
    /// </summary>
    public WeChatApiStub WeComToken(params string[] tokens) =>
        Sequence("/cgi-bin/gettoken", "GET", tokens.Select(t => $$"""{"errcode":0,"errmsg":"ok","access_token":"{{t}}","expires_in":7200}"""));

    /// <summary>Answers POST <paramref name="path"/> with <paramref name="json"/>, optionally only for one token or one body.</summary>
    public WeChatApiStub Answer(string path, string json, string? token = null, object? bodyContains = null, int priority = 10)
    {
        var request = Request.Create().WithPath(path).UsingPost();
        if (token is not null)
        {
            request = request.WithParam("access_token", token);
        }
        if (bodyContains is not null)
        {
            request = request.WithBody(new JsonPartialMatcher(bodyContains));
            priority = Math.Min(priority, 1);
        }
        Server.Given(request).AtPriority(priority).RespondWith(Json(json));
        return this;
    }

    public WeChatApiStub Status(string path, int status)
    {
        Server.Given(Request.Create().WithPath(path)).RespondWith(Response.Create().WithStatusCode(status));
        return this;
    }

    public int Calls(string path) => Server.LogEntries.Count(e => e.RequestMessage.Path == path);

    public JsonNode[] Bodies(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Path == path).Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)];

    public string[] Tokens(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Path == path).Select(e => e.RequestMessage.Query!["access_token"].ToString())];

    public void Dispose() => Server.Stop();

    private WeChatApiStub Sequence(string path, string method, IEnumerable<string> answers)
    {
        var list = answers.ToList();
        if (list.Count == 1)
        {
            Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(Json(list[0]));
            return this;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var mapping = Server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(path);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"after {i}");
            }
            if (i < list.Count - 1)
            {
                mapping = mapping.WillSetStateTo($"after {i + 1}");
            }
            mapping.RespondWith(Json(list[i]));
        }
        return this;
    }

    private static IResponseBuilder Json(string json) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(json);
}
