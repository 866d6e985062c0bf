using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Channels.Webhook;
using Warning.Engine.Channels;

namespace Warning.Channels;

public static class WebhookChannelBuilderExtensions
{
    /// <summary>Registers the signed-webhook channel ("webhook") from the Channels:Webhook section.</summary>
    public static IServiceCollection AddWebhookChannel(this IServiceCollection services)
    {
        services.AddOptions<WebhookChannelOptions>().BindConfiguration(WebhookChannelOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookChannelOptions>, WebhookChannelOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookChannelOptions>, WebhookSubscribersValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // The per-request timeout is the adapter's; the client's own stays out of its way.
        services.AddHttpClient(nameof(WebhookChannelAdapter), http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, WebhookChannelAdapter>());
        return services;
    }
}
