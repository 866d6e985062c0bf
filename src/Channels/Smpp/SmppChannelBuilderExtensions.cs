using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warning.Channels.Smpp;
using Warning.Engine.Channels;

namespace Warning.Channels;

public static class SmppChannelBuilderExtensions
{
    /// <summary>
    /// Registers the "sms" channel over SMPP, configured from <c>Warning:Channels:Sms</c> and validated at start. The host
    /// registers the <see cref="IProviderReceiptSink"/> that receipts and replies go to, and calls
    /// <see cref="SmppChannelAdapter.Start"/> at boot so the bind (and with it receipts and replies) is up before
    /// the first send. The adapter alone; the product host registers it through the engine builder (WarningEngineChannelExtensions), which also reads the adapter choice.
    /// </summary>
    public static IServiceCollection AddSmppChannel(this IServiceCollection services)
    {
        services.AddOptions<SmppChannelOptions>().BindConfiguration(SmppChannelOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmppChannelOptions>, SmppChannelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SmppChannelAdapter(sp.GetRequiredService<IOptions<SmppChannelOptions>>().Value,
            sp.GetRequiredService<IProviderReceiptSink>(),
            sp.GetService<IInboundMessageSink>() ?? NullInboundMessageSink.Instance, sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SmppChannelAdapter>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, SmppChannelAdapter>(sp => sp.GetRequiredService<SmppChannelAdapter>()));
        return services;
    }
}

/// <summary>The attribute checks and the positive time spans of <see cref="SmppChannelOptions.Validate"/>, at start.</summary>
internal sealed class SmppChannelOptionsValidator : IValidateOptions<SmppChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, SmppChannelOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ValidationException e)
        {
            return ValidateOptionsResult.Fail($"{SmppChannelOptions.SectionName}: {e.Message}");
        }
    }
}
