using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warning.Engine.Channels;

namespace Warning.Channels.Webhook;

/// <summary>
/// POSTs the warning to each subscriber's endpoint, signed per Standard Webhooks (webhook-id, webhook-timestamp,
/// webhook-signature). 2xx is Delivered; 410 Gone means the subscriber unsubscribed (Rejected); 429 is throttled;
/// 5xx, 408, timeouts and network errors are transient; any other answer is a failure. The webhook-id is the
/// same for every attempt at one delivery, so a subscriber can drop repeats.
/// </summary>
public sealed class WebhookChannelAdapter(
    IHttpClientFactory httpClientFactory,
    IOptions<WebhookChannelOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookChannelAdapter> logger) : IChannelAdapter
{
    private readonly WebhookChannelOptions _options = options.Value;

    public string Name => _options.Name;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxBatchSize = options.Value.MaxBatchSize,
        MaxTextLength = 100_000,
        SupportsDeliveryReceipts = false,
    };

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var http = httpClientFactory.CreateClient(nameof(WebhookChannelAdapter));
        var now = timeProvider.GetUtcNow();
        var payload = new WebhookPayload(batch.Content, string.IsNullOrEmpty(_options.DetailBaseUrl) ? null : new Uri(_options.DetailBaseUrl), now);
        var results = new DeliveryResult[batch.Recipients.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length), parallel, async (i, token) =>
        {
            var (recipient, address) = batch.Recipients[i];
            results[i] = _options.Subscribers.TryGetValue(address, out var subscriber)
                ? await PostAsync(http, subscriber, recipient, batch.Content.VersionId, payload, now, token).ConfigureAwait(false)
                : DeliveryResult.Rejected(recipient, $"no webhook subscriber named '{address}' is configured");
        }).ConfigureAwait(false);
        return results;
    }

    private async Task<DeliveryResult> PostAsync(HttpClient http, WebhookSubscriber subscriber, int recipient, string versionId,
        WebhookPayload payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = subscriber.Format == WebhookFormat.Cap ? payload.CapBody : payload.JsonBody;
        if (body is null)
        {
            return DeliveryResult.Failed(recipient, "this delivery carries no version to write as CAP");
        }
        if (!WebhookSigner.TryParseSecret(subscriber.Secret, out var key))
        {
            return DeliveryResult.Failed(recipient, "the subscriber's secret is not 'whsec_' + base64");
        }
        var id = MessageId(versionId, recipient);
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Url) { Content = new ByteArrayContent(body) };
        var mediaType = subscriber.Format == WebhookFormat.Cap ? "application/cap+xml" : "application/json";
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType, "utf-8");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(key, id, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return Classify(recipient, response, id);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient(recipient, $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            Log.EndpointUnreachable(logger, Name, e.Message);
            return DeliveryResult.Transient(recipient, $"{e.HttpRequestError}: {e.Message}");
        }
    }

    private static DeliveryResult Classify(int recipient, HttpResponseMessage response, string id)
    {
        var status = (int)response.StatusCode;
        var detail = $"HTTP {status}";
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => DeliveryResult.Delivered(recipient, id),
            HttpStatusCode.Gone => DeliveryResult.Rejected(recipient, $"{detail}: the subscriber unsubscribed"),
            HttpStatusCode.TooManyRequests => DeliveryResult.Throttled(recipient, detail, RetryAfter(response) ?? TimeSpan.FromMinutes(1)),
            HttpStatusCode.RequestTimeout => DeliveryResult.Transient(recipient, detail),
            _ when status >= 500 => DeliveryResult.Transient(recipient, detail),
            _ => DeliveryResult.Failed(recipient, detail),
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta;

    /// <summary>"msg_" + 32 hex digits from version and recipient: stable across attempts.</summary>
    internal static string MessageId(string versionId, int recipient) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{versionId}|{recipient}")).AsSpan(0, 16));
}
