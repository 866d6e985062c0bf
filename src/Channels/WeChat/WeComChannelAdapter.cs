using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warning.Engine.Channels;

namespace Warning.Channels.WeChat;

/// <summary>
/// WeCom application messages: one POST /cgi-bin/message/send per batch to up to 1000 members ("u1|u2|…").
/// The platform answers errcode 0 with the refused members listed in invaliduser / unlicenseduser; those are
/// Rejected, the rest Sent. The address is the member's WeCom userid.
/// </summary>
public sealed class WeComChannelAdapter(
    IHttpClientFactory httpClientFactory,
    IAccessTokenCache tokenCache,
    IOptions<WeComChannelOptions> options,
    ILogger<WeComChannelAdapter> logger) : IChannelAdapter
{
    private readonly WeComChannelOptions _options = options.Value;

    public string Name => _options.Name;

    // Characters that surely fit: a Chinese character is 3 bytes, and the title and link take their share.
    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxBatchSize = options.Value.MaxBatchSize,
        MaxTextLength = (options.Value.MaxTextBytes - 300) / 3,
    };

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new DeliveryResult[batch.Recipients.Count];
        var decided = new bool[results.Length];
        var members = new List<string>(results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            var address = batch.Recipients[i].Address;
            // '|' separates members and "@all" would reach the whole corporation: neither is a member id.
            if (string.IsNullOrWhiteSpace(address) || address.Contains('|', StringComparison.Ordinal) || address.StartsWith('@'))
            {
                results[i] = DeliveryResult.Rejected(batch.Recipients[i].Recipient, "not a WeCom userid");
                decided[i] = true;
            }
            else if (!members.Contains(address, StringComparer.Ordinal))
            {
                members.Add(address);
            }
        }
        if (members.Count == 0)
        {
            return results;
        }

        WeChatReply reply;
        try
        {
            reply = await SendTextAsync(members, batch.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (AccessTokenUnavailableException e)
        {
            Log.TokenUnavailable(logger, Name, e.Message);
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = decided[i] ? results[i] : WeChatBatch.TokenFailure(batch.Recipients[i].Recipient, e);
            }
            return results;
        }
        var invalid = Listed(reply, "invaliduser");
        var unlicensed = Listed(reply, "unlicenseduser");
        for (var i = 0; i < results.Length; i++)
        {
            if (decided[i])
            {
                continue;
            }
            var (recipient, address) = batch.Recipients[i];
            results[i] = !reply.IsOk ? WeChatErrorCodes.ToResult(recipient, reply, TimeSpan.FromMinutes(1))
                : invalid.Contains(address) ? DeliveryResult.Rejected(recipient, "invaliduser: not a member or outside the application's visible range")
                : unlicensed.Contains(address) ? DeliveryResult.Rejected(recipient, "unlicenseduser: member has no licence")
                : DeliveryResult.Sent(recipient, reply.GetString("msgid"));
        }
        WeChatBatch.LogThrottling(logger, Name, results);
        return results;
    }

    private async Task<WeChatReply> SendTextAsync(List<string> members, DeliveryContent content, CancellationToken cancellationToken)
    {
        var client = new WeChatApiClient(httpClientFactory.CreateClient(nameof(WeChatApiClient)));
        var api = _options.ApiBase;
        var tokens = new WeChatTokenSource($"wecom:{_options.CorpId}:{_options.AgentId}", tokenCache,
            (_, token) => client.FetchWeComTokenAsync(api, _options.CorpId, _options.CorpSecret, token));
        var summary = WarningSummary.From(content, new Uri(_options.DetailBaseUrl));
        var body = new JsonObject
        {
            ["touser"] = string.Join('|', members),
            ["msgtype"] = "text",
            ["agentid"] = _options.AgentId,
            ["text"] = new JsonObject { ["content"] = WeComText.Compose(summary, content.Text, _options.MaxTextBytes) },
            ["safe"] = 0,
            ["enable_duplicate_check"] = _options.EnableDuplicateCheck ? 1 : 0,
            ["duplicate_check_interval"] = (int)_options.DuplicateCheckInterval.TotalSeconds,
        };
        return await client.PostWithTokenAsync(api, "cgi-bin/message/send", body, tokens, cancellationToken).ConfigureAwait(false);
    }

    private static HashSet<string> Listed(WeChatReply reply, string property) =>
        reply.GetString(property) is { Length: > 0 } list ? [.. list.Split('|', StringSplitOptions.RemoveEmptyEntries)] : [];
}
