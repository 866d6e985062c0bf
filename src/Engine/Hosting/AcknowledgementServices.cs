using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warning.Engine.Acknowledgement;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Engine.Hosting;

/// <summary>
/// Wires 叫应 (issue 8): the policy from <c>Warning:Acknowledgement</c>, the service on the audit store and the
/// channel adapters, Quartz deadlines, the inbound sink SMS replies go to, and the publication hook.
/// </summary>
internal static class AcknowledgementServices
{
    public static IServiceCollection AddAcknowledgements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AcknowledgementOptions>().Bind(configuration.GetSection(AcknowledgementOptions.SectionName))
            .Validate(o => o.Problem() is null, $"{AcknowledgementOptions.SectionName} is invalid: check Levels, Escalation, channels and PublicBaseUrl")
            .ValidateOnStart();
        services.AddSingleton<IAcknowledgementStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton<IAcknowledgementScheduler, QuartzAcknowledgementScheduler>();
        services.AddSingleton(sp => new AcknowledgementService(sp.GetRequiredService<IAcknowledgementStore>(),
            sp.GetRequiredService<IAuditStore>(), sp.GetRequiredService<DirectoryStore>(), sp.GetRequiredService<ChannelAdapterRegistry>(),
            sp.GetRequiredService<IAcknowledgementScheduler>(), sp.GetRequiredService<IOptions<AcknowledgementOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AcknowledgementService>>()));
        // An SMS channel registered with the host (AddSmppChannel) hands its mobile-originated replies here.
        services.TryAddSingleton<IInboundMessageSink>(sp =>
            new AcknowledgementInboundSink(new Lazy<AcknowledgementService>(sp.GetRequiredService<AcknowledgementService>)));
        services.AddHostedService<AcknowledgementLifetime>();
        return services;
    }

    /// <summary>The runner the issuing service publishes through: the configured one, then 叫应 for the version.</summary>
    public static IPublicationRunner Acknowledging(this IServiceProvider services, IPublicationRunner inner) =>
        new AcknowledgingPublicationRunner(inner, services.GetRequiredService<AcknowledgementService>(),
            services.GetRequiredService<ILogger<AcknowledgingPublicationRunner>>());
}

/// <summary>Schedules again, at start, the deadlines of requests still pending (Quartz keeps them in memory only).</summary>
internal sealed class AcknowledgementLifetime(AcknowledgementService acknowledgements) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => acknowledgements.ReschedulePendingAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
