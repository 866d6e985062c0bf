using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Warning.Channels.WeChat;

/// <summary>
/// HTTP to the Official Account and WeCom APIs (a typed IHttpClientFactory client). Answers are replies, never
/// exceptions, except cancellation by the caller. The access token travels in the query string; the factory's
/// request logging redacts query strings (.NET 9 and later), so tokens stay out of the logs.
/// </summary>
public sealed class WeChatApiClient(HttpClient http)
{
    /// <summary>
    /// POSTs with the account's token; when the platform refuses the token (40001/40014/42001) the token is
    /// refreshed once for the whole cluster and this one request is sent once more. That is not a send retry:
    /// the first request was refused before anything was sent.
    /// </summary>
    public async Task<WeChatReply> PostWithTokenAsync(Uri apiBase, string path, JsonNode body, WeChatTokenSource tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var token = await tokens.Cache.GetAsync(tokens.Account, tokens.Fetch, cancellationToken).ConfigureAwait(false);
        var reply = await PostAsync(WithToken(apiBase, path, token), body, cancellationToken).ConfigureAwait(false);
        if (reply.TransportError is not null || !WeChatErrorCodes.IsTokenRefused(reply.ErrCode))
        {
            return reply;
        }
        token = await tokens.Cache.RefreshAsync(tokens.Account, token, tokens.Fetch, cancellationToken).ConfigureAwait(false);
        return await PostAsync(WithToken(apiBase, path, token), body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs JSON without a token (the WeCom group robot: its key in the URL is the credential).</summary>
    public Task<WeChatReply> PostAsync(Uri url, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, cancellationToken);

    /// <summary>Official Account stable token: POST /cgi-bin/stable_token (the same token until it nears expiry).</summary>
    public async ValueTask<AccessToken> FetchStableTokenAsync(Uri apiBase, string appId, string secret, bool forceRefresh, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["grant_type"] = "client_credential",
            ["appid"] = appId,
            ["secret"] = secret,
            ["force_refresh"] = forceRefresh,
        };
        return ToToken(await PostAsync(new Uri(apiBase, "cgi-bin/stable_token"), body, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>WeCom application token: GET /cgi-bin/gettoken?corpid=…&amp;corpsecret=….</summary>
    public async ValueTask<AccessToken> FetchWeComTokenAsync(Uri apiBase, string corpId, string secret, CancellationToken cancellationToken)
    {
        var url = new Uri(apiBase, $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(corpId)}&corpsecret={Uri.EscapeDataString(secret)}");
        return ToToken(await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false));
    }

    private static AccessToken ToToken(WeChatReply reply)
    {
        if (!reply.IsOk || reply.GetString("access_token") is not { Length: > 0 } value)
        {
            var transient = reply.TransportError is not null || reply.ErrCode == WeChatErrorCodes.SystemBusy;
            throw new AccessTokenUnavailableException($"token endpoint: {reply}", transient);
        }
        var seconds = int.TryParse(reply.GetString("expires_in"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 7200;
        return new AccessToken(value, TimeSpan.FromSeconds(seconds));
    }

    private static Uri WithToken(Uri apiBase, string path, string token) =>
        new(apiBase, $"{path}?access_token={Uri.EscapeDataString(token)}");

    private async Task<WeChatReply> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return WeChatReply.Transport($"HTTP {(int)response.StatusCode}");
            }
            var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return WeChatReply.Parse(json);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WeChatReply.Transport("timed out");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return WeChatReply.Transport($"{e.GetType().Name}: {e.Message}");
        }
    }
}

/// <summary>One account's token: its cache key, the cache, and how to fetch a new one.</summary>
public sealed record WeChatTokenSource(string Account, IAccessTokenCache Cache, AccessTokenFetcher Fetch);
