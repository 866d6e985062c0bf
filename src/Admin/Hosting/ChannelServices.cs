using Warning.Channels.Smpp;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;

namespace Warning.Admin.Hosting;

/// <summary>
/// Real adapters chosen per channel from configuration (design.md §3: sandbox in the embedded profile, real
/// providers in production). <c>Warning:Channels:Sms:Adapter = smpp</c> puts <see cref="SmppChannelAdapter"/> on the
/// "sms" channel with the rest of <c>Warning:Channels:Sms</c> as its <see cref="SmppChannelOptions"/> (the password
/// from the environment: <c>WARNING_Warning__Channels__Sms__Password</c>); a channel without an adapter setting, or
/// with <c>sandbox</c>, keeps its sandbox adapter. Receipts go to the audit store.
/// </summary>
internal static class ChannelServices
{
    public const string SectionName = "Warning:Channels";

    public static IServiceCollection AddConfiguredChannels(this IServiceCollection services, IConfiguration configuration)
    {
        var sms = configuration.GetSection($"{SectionName}:Sms");
        var adapter = sms["Adapter"];
        if (string.IsNullOrWhiteSpace(adapter) || string.Equals(adapter, "sandbox", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }
        if (!string.Equals(adapter, "smpp", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{SectionName}:Sms:Adapter '{adapter}' is not known: use smpp or sandbox.");
        }
        var options = new SmppChannelOptions();
        sms.Bind(options);
        options.Validate(); // a wrong setting stops the host at start, not at the first warning
        services.AddSingleton(sp =>
        {
            var smpp = new SmppChannelAdapter(options, new AuditReceiptSink(sp.GetRequiredService<IAuditStore>()),
                new DeferredInboundSink(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SmppChannelAdapter>>());
            smpp.Start(); // bind now, so receipts flow from the start
            return new ConfiguredChannel(smpp);
        });
        services.AddHostedService<ConfiguredChannelStarter>();
        return services;
    }

    /// <summary>The sandbox adapters, with every channel that has a configured real adapter taken by it.</summary>
    public static IEnumerable<IChannelAdapter> Merge(IEnumerable<IChannelAdapter> sandbox, IServiceProvider services)
    {
        var real = services.GetServices<ConfiguredChannel>().Select(c => c.Adapter).ToList();
        return sandbox.Where(s => !real.Exists(r => string.Equals(r.Name, s.Name, StringComparison.OrdinalIgnoreCase))).Concat(real);
    }

    /// <summary>Creates the configured adapters when the host starts, so the SMPP bind is up before the first warning.</summary>
    internal sealed class ConfiguredChannelStarter(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetServices<ConfiguredChannel>().ToList();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A real adapter the configuration chose (a wrapper, so the sandbox list and DI's IChannelAdapter stay apart).</summary>
    internal sealed class ConfiguredChannel(IChannelAdapter adapter) : IAsyncDisposable
    {
        public IChannelAdapter Adapter { get; } = adapter;

        public ValueTask DisposeAsync() => Adapter is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }

    /// <summary>
    /// Replies (mobile-originated SMS such as 叫应 answers) go to the host's <see cref="IInboundMessageSink"/>, looked
    /// up when the first one arrives: the sink's own services send through the adapters, so resolving it while the
    /// adapter is built would be a cycle.
    /// </summary>
    private sealed class DeferredInboundSink(IServiceProvider services) : IInboundMessageSink
    {
        public ValueTask RecordAsync(InboundMessage message, CancellationToken cancellationToken) =>
            (services.GetService<IInboundMessageSink>() ?? NullInboundMessageSink.Instance).RecordAsync(message, cancellationToken);
    }
}
