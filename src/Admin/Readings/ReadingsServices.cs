using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Warning.Engine.Hosting;

namespace Warning.Admin.Readings;

/// <summary>The readings API of the monitoring triggers (issue 8): its options and its replay guard (the triggers are the engine's).</summary>
internal static class ReadingsServices
{
    public static IServiceCollection AddReadingsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ReadingsOptions>(configuration, ReadingsOptions.SectionName, ReadingsOptions.Rules);
        services.AddSingleton<IReplayGuard>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Redis)
                ? new InProcessReplayGuard(sp.GetRequiredService<TimeProvider>())
                : new RedisReplayGuard(sp.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }
}
