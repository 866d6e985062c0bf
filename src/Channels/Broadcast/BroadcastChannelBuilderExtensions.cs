using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Channels.Broadcast;
using Warning.Channels.Mqtt;
using Warning.Engine.Channels;

namespace Warning.Channels;

public static class BroadcastChannelBuilderExtensions
{
    /// <summary>
    /// Registers the "broadcast" channel (loudspeaker terminals) over the MQTT gateway (<c>Warning:Mqtt</c>,
    /// <c>Warning:Channels:Broadcast</c>, validated at start), as an adapter and as a clearing channel.
    /// The adapter alone; the product host registers it through the engine builder (WarningEngineChannelExtensions), which also reads the adapter choice.
    /// </summary>
    public static IServiceCollection AddBroadcastChannel(this IServiceCollection services)
    {
        services.AddMqttGateway();
        services.AddOptions<BroadcastChannelOptions>().BindConfiguration(BroadcastChannelOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastChannelOptions>, BroadcastChannelOptionsValidator>());
        services.TryAddSingleton(sp => new BroadcastChannelAdapter(sp.GetRequiredService<IOptions<BroadcastChannelOptions>>().Value,
            sp.GetRequiredService<MqttGatewayClient>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, BroadcastChannelAdapter>(sp => sp.GetRequiredService<BroadcastChannelAdapter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeviceClearingChannel, BroadcastChannelAdapter>(sp => sp.GetRequiredService<BroadcastChannelAdapter>()));
        return services;
    }
}
