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
    /// Registers the "led" channel over the MQTT gateway (<c>Channels:Mqtt</c>, <c>Channels:Led</c>, validated at start),
    /// as an adapter and as a clearing channel; sign geometry comes from the registered <c>DirectoryStore</c>.
    /// (On IServiceCollection until the engine's IWarningEngineBuilder exists.)
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
