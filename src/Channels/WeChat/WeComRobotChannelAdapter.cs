using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warning.Engine.Channels;

namespace Warning.Channels.WeChat;

/// <summary>
/// WeCom group robots: POST /cgi-bin/webhook/send?key=KEY, one group per call. The address is the robot's name in
/// <see cref="WeComRobotChannelOptions.Robots"/>. A robot takes 20 messages a minute; over that it answers 45009,
/// which comes back as a throttled result for the engine's rate limiter.
/// </summary>
public sealed class WeComRobotChannelAdapter(
    IHttpClientFactory httpClientFactory,
    IOptions<WeComRobotChannelOptions> options,
    ILogger<WeComRobotChannelAdapter> logger) : IChannelAdapter
{
    private readonly WeComRobotChannelOptions _options = options.Value;

    public string Name => _options.Name;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxBatchSize = options.Value.MaxBatchSize,
        MaxTextLength = (options.Value.MaxTextBytes - 300) / 3,
    };

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var client = new WeChatApiClient(httpClientFactory.CreateClient(nameof(WeChatApiClient)));
        var summary = WarningSummary.From(batch.Content, new Uri(_options.DetailBaseUrl));
        var mentionAll = batch.Content.Level >= _options.MentionAllFromLevel;
        var text = WeComText.Compose(summary, batch.Content.Text, _options.MaxTextBytes);

        var results = await WeChatBatch.EachAsync(batch, _options.MaxConcurrentRequests, async (recipient, token) =>
        {
            if (!_options.Robots.TryGetValue(recipient.Address, out var key) || string.IsNullOrWhiteSpace(key))
            {
                Log.UnknownRobot(logger, Name, recipient.Address);
                return DeliveryResult.Rejected(recipient.Recipient, $"no robot named '{recipient.Address}' is configured");
            }
            var content = new JsonObject { ["content"] = text };
            if (mentionAll)
            {
                content["mentioned_list"] = new JsonArray("@all");
            }
            var url = new Uri(_options.ApiBase, $"cgi-bin/webhook/send?key={Uri.EscapeDataString(key)}");
            var reply = await client.PostAsync(url, new JsonObject { ["msgtype"] = "text", ["text"] = content }, token).ConfigureAwait(false);
            return reply.IsOk
                ? DeliveryResult.Sent(recipient.Recipient)
                : WeChatErrorCodes.ToResult(recipient.Recipient, reply, TimeSpan.FromMinutes(1));
        }, cancellationToken).ConfigureAwait(false);
        WeChatBatch.LogThrottling(logger, Name, results);
        return results;
    }
}
