using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Warning.Channels.Webhook;

/// <summary>What a subscriber's endpoint receives.</summary>
public enum WebhookFormat
{
    /// <summary>application/json: {"type","timestamp","data"} as Standard Webhooks suggests.</summary>
    Json,

    /// <summary>application/cap+xml: the version as a CAP 1.2 alert.</summary>
    Cap,
}

/// <summary>
/// Webhooks to other systems, signed per Standard Webhooks. A subscriber's secret is a credential, so the
/// directory addresses a subscriber by name and the URLs and secrets live here, from a configuration provider.
/// </summary>
public sealed class WebhookChannelOptions
{
    public const string SectionName = "Warning:Channels:Webhook";

    /// <summary>Channel key. Default: "webhook".</summary>
    [Required]
    public string Name { get; set; } = ChannelNames.Webhook;

    /// <summary>Subscriber name (the recipient address) → endpoint.</summary>
    public Dictionary<string, WebhookSubscriber> Subscribers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Root of the public site with the /w/{identifier} detail pages; empty leaves the link out.</summary>
    [Url]
    public string? DetailBaseUrl { get; set; }

    /// <summary>Subscribers per adapter call. Default: 20.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 20;

    /// <summary>Requests in flight within one batch. Default: 4.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>How long a subscriber has to answer. Default: 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>One receiving endpoint.</summary>
public sealed class WebhookSubscriber
{
    [Required, Url]
    public string Url { get; set; } = "";

    /// <summary>"whsec_" followed by the base64 key shared with the subscriber.</summary>
    [Required]
    public string Secret { get; set; } = "";

    /// <summary>Default: Json.</summary>
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;
}

[OptionsValidator]
internal sealed partial class WebhookChannelOptionsValidator : IValidateOptions<WebhookChannelOptions>;

/// <summary>Checks each subscriber (the generated validator does not walk dictionaries): URL, and a usable secret.</summary>
internal sealed class WebhookSubscribersValidator : IValidateOptions<WebhookChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookChannelOptions options)
    {
        var failures = new List<string>();
        foreach (var (subscriber, endpoint) in options.Subscribers)
        {
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"Webhook subscriber '{subscriber}': Url must be an absolute http(s) URL.");
            }
            if (!WebhookSigner.TryParseSecret(endpoint.Secret, out _))
            {
                failures.Add($"Webhook subscriber '{subscriber}': Secret must be 'whsec_' followed by base64.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
