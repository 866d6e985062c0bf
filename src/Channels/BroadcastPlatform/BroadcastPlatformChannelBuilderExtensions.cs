using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Channels.BroadcastPlatform;
using Warning.Engine.Channels;

namespace Warning.Channels;

public static class BroadcastPlatformChannelBuilderExtensions
{
    /// <summary>
    /// Registers the "broadcast-platform" channel, configured from <c>Warning:Channels:BroadcastPlatform</c> and validated at
    /// start. The adapter alone; the product host registers it through the engine builder (WarningEngineChannelExtensions), which also reads the adapter choice.
    /// </summary>
    public static IServiceCollection AddBroadcastPlatformChannel(this IServiceCollection services)
    {
        services.AddOptions<BroadcastPlatformChannelOptions>()
            .BindConfiguration(BroadcastPlatformChannelOptions.SectionName)
            .PostConfigure(o =>
            {
                // A key file (mounted secret, or the peers profile's generated key) stands in for the PEM text.
                if (string.IsNullOrWhiteSpace(o.PrivateKeyPem) && !string.IsNullOrWhiteSpace(o.PrivateKeyFile) && File.Exists(o.PrivateKeyFile))
                {
                    o.PrivateKeyPem = File.ReadAllText(o.PrivateKeyFile);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastPlatformChannelOptions>, BroadcastPlatformChannelOptionsValidator>());
        // Answers are one small EBD; a platform sending megabytes back is broken, not chatty.
        services.AddHttpClient(BroadcastPlatformClient.HttpClientName, http => http.MaxResponseContentBufferSize = 1024 * 1024);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BroadcastPlatformClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, BroadcastPlatformChannelAdapter>());
        return services;
    }
}
