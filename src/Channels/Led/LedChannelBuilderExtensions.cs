using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Channels.Led;
using Warning.Channels.Mqtt;
using Warning.Engine.Channels;

namespace Warning.Channels;

public static class LedChannelBuilderExtensions
{
    /// <summary>
    /// Registers the "led" channel over the MQTT gateway (<c>Warning:Mqtt</c>, <c>Warning:Channels:Led</c>, validated at start),
    /// as an adapter and as a clearing channel; sign geometry comes from the registered <c>DirectoryStore</c>.
    /// The adapter alone; the product host registers it through the engine builder (WarningEngineChannelExtensions), which also reads the adapter choice.
    /// </summary>
    public static IServiceCollection AddLedChannel(this IServiceCollection services)
    {
        services.AddMqttGateway();
        services.AddOptions<LedChannelOptions>().BindConfiguration(LedChannelOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedChannelOptions>, LedChannelOptionsValidator>());
        services.TryAddSingleton<ILedGeometrySource, DirectoryLedGeometrySource>();
        services.TryAddSingleton(sp => new LedChannelAdapter(sp.GetRequiredService<IOptions<LedChannelOptions>>().Value,
            sp.GetRequiredService<MqttGatewayClient>(), sp.GetRequiredService<ILedGeometrySource>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, LedChannelAdapter>(sp => sp.GetRequiredService<LedChannelAdapter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeviceClearingChannel, LedChannelAdapter>(sp => sp.GetRequiredService<LedChannelAdapter>()));
        return services;
    }
}
