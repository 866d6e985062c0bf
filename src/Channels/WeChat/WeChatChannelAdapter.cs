using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warning.Engine.Channels;

namespace Warning.Channels.WeChat;

/// <summary>
/// Official Account (公众号) template messages or subscription notices, one openid per call. Since 2023-05-04 a
/// template field holds 20 characters and no newline, so the message carries the key facts (event, level, area,
/// time) and links to the warning's public detail page; the address is the recipient's openid.
/// </summary>
public sealed class WeChatChannelAdapter(
    IHttpClientFactory httpClientFactory,
    IAccessTokenCache tokenCache,
    IOptions<WeChatChannelOptions> options,
    TimeProvider timeProvider,
    ILogger<WeChatChannelAdapter> logger) : IChannelAdapter
{
    private readonly WeChatChannelOptions _options = options.Value;

    public string Name => _options.Name;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxBatchSize = options.Value.MaxBatchSize,
        MaxTextLength = options.Value.FieldMaxLength,
    };

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var client = new WeChatApiClient(httpClientFactory.CreateClient(nameof(WeChatApiClient)));
        var api = _options.ApiBase;
        var tokens = new WeChatTokenSource($"oa:{_options.AppId}", tokenCache,
            (force, token) => client.FetchStableTokenAsync(api, _options.AppId, _options.AppSecret, force, token));
        var summary = WarningSummary.From(batch.Content, new Uri(_options.DetailBaseUrl));
        var data = TemplateData(summary);
        var path = _options.MessageKind == WeChatMessageKind.Template ? "cgi-bin/message/template/send" : "cgi-bin/message/subscribe/bizsend";
        var quotaPause = WeChatBatch.UntilNextBeijingDay(timeProvider);

        var results = await WeChatBatch.EachAsync(batch, _options.MaxConcurrentRequests, async (recipient, token) =>
        {
            if (string.IsNullOrWhiteSpace(recipient.Address))
            {
                return DeliveryResult.Rejected(recipient.Recipient, "no openid");
            }
            try
            {
                var body = Body(recipient, batch.Content.VersionId, summary, data);
                var reply = await client.PostWithTokenAsync(api, path, body, tokens, token).ConfigureAwait(false);
                return reply.IsOk
                    ? DeliveryResult.Sent(recipient.Recipient, reply.GetString("msgid"))
                    : WeChatErrorCodes.ToResult(recipient.Recipient, reply, quotaPause);
            }
            catch (AccessTokenUnavailableException e)
            {
                Log.TokenUnavailable(logger, Name, e.Message);
                return WeChatBatch.TokenFailure(recipient.Recipient, e);
            }
        }, cancellationToken).ConfigureAwait(false);
        WeChatBatch.LogThrottling(logger, Name, results);
        return results;
    }

    private JsonObject Body(DeliveryRecipient recipient, string versionId, WarningSummary summary, JsonObject data)
    {
        var body = new JsonObject
        {
            ["touser"] = recipient.Address,
            ["template_id"] = _options.TemplateId,
            ["data"] = data.DeepClone(),
        };
        if (_options.MessageKind == WeChatMessageKind.Template)
        {
            body["url"] = summary.DetailUrl?.AbsoluteUri;
            // Same openid + client_msg_id within the platform's window is sent once: a resend after a lost answer is harmless.
            body["client_msg_id"] = ClientMessageId(versionId, recipient.Recipient);
        }
        else
        {
            body["page"] = summary.DetailUrl?.AbsoluteUri;
        }
        return body;
    }

    private JsonObject TemplateData(WarningSummary summary)
    {
        var data = new JsonObject();
        var fields = _options.Fields;
        Add(fields.Event, summary.Event);
        Add(fields.Level, summary.Level);
        Add(fields.Area, summary.Area);
        Add(fields.Time, summary.Time);
        return data;

        void Add(string keyword, string? value)
        {
            if (!string.IsNullOrEmpty(keyword) && !string.IsNullOrEmpty(value))
            {
                data[keyword] = new JsonObject { ["value"] = TextLimits.FitChars(value, _options.FieldMaxLength) };
            }
        }
    }

    internal static string ClientMessageId(string versionId, int recipient)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{versionId}|{recipient}"));
        return "w" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
