using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Warning.Admin.Hosting;
using Warning.Engine.Durable;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;
using Warning.Engine.Triggers;

namespace Warning.Admin.Readings;

/// <summary>Monitoring triggers (issue 8): the rules in the store, the trigger service, and the replay guard of /api/readings.</summary>
internal static class ReadingsServices
{
    public static IServiceCollection AddWarningTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadingsOptions>(configuration.GetSection(ReadingsOptions.SectionName));
        services.AddSingleton<ITriggerStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton(sp => new TriggerService(sp.GetRequiredService<ITriggerStore>(), sp.GetRequiredService<WarningService>(),
            sp.GetRequiredService<WarningComposer>(), sp.GetRequiredService<IDepartmentDirectory>(), sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<INamedLocks>()));
        // Rules decide under a lock every node shares when they share Redis: two nodes must not both open a warning.
        services.AddSingleton<INamedLocks>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Redis)
                ? new InProcessNamedLocks()
                : new RedisNamedLocks(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReplayGuard>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Redis)
                ? new InProcessReplayGuard(sp.GetRequiredService<TimeProvider>())
                : new RedisReplayGuard(sp.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }
}
