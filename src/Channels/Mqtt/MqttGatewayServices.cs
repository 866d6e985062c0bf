using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;

namespace Warning.Channels.Mqtt;

/// <summary>The gateway both MQTT channels share; registered once whichever channel is added first.</summary>
internal static class MqttGatewayServices
{
    public static IServiceCollection AddMqttGateway(this IServiceCollection services)
    {
        services.AddOptions<MqttGatewayOptions>().BindConfiguration(MqttGatewayOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttGatewayOptions>, MqttGatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Device acknowledgements go to the audit store unless the host names another sink.
        services.TryAddSingleton<IProviderReceiptSink>(sp => new AuditReceiptSink(sp.GetRequiredService<IAuditStore>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<MqttGatewayOptions>>().Value);
        services.TryAddSingleton<MqttGatewayClient>();
        return services;
    }
}
