using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Durable;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Engine.Hosting;

/// <summary>The node's role and, for the hangfire runner, Hangfire's storage, the shard job and the two worker servers.</summary>
public static class JobServices
{
    /// <summary>From <c>--role</c>, WARNING_ROLE or "Warning:Role"; default all.</summary>
    public static NodeRole GetNodeRole(this IConfiguration configuration)
    {
        var text = configuration["role"] ?? configuration["Warning:Role"] ?? "all";
        return Enum.TryParse<NodeRole>(text, ignoreCase: true, out var role)
            ? role
            : throw new InvalidOperationException($"Unknown role '{text}': use all, admin or worker.");
    }

    internal static IServiceCollection AddWarningJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var role = configuration.GetNodeRole();
        var options = configuration.GetSection(JobOptions.SectionName).Get<JobOptions>() ?? new JobOptions();
        services.AddValidatedOptions<JobOptions>(configuration, JobOptions.SectionName, EngineOptionsRules.Jobs);
        services.AddValidatedOptions<ShardExecutorOptions>(configuration, JobOptions.SectionName, EngineOptionsRules.Leases);
        services.AddSingleton<IShardLeases>(sp => sp.UsesRedis()
            ? new RedisShardLeases(sp.GetRequiredService<IConnectionMultiplexer>())
            : new InProcessShardLeases(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ShardExecutor(sp.GetRequiredService<IAuditStore>(), sp.GetRequiredService<WarningFanOut>(),
            sp.GetRequiredService<FanOutDispatcher>(), sp.GetRequiredService<IShardLeases>(),
            sp.GetRequiredService<IOptions<ShardExecutorOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<PublicationBoard>(), sp.GetRequiredService<ILogger<ShardExecutor>>()));

        if (!string.Equals(options.Runner, "hangfire", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IPublicationRunner>(sp => sp.GetRequiredService<InProcessPublicationRunner>());
            return services;
        }

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (string.Equals(options.Storage, "postgres", StringComparison.OrdinalIgnoreCase))
            {
                config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(options.ConnectionString
                    ?? throw new InvalidOperationException("Warning:Jobs:ConnectionString is required for postgres job storage.")),
                    new PostgreSqlStorageOptions { QueuePollInterval = options.PollInterval, InvisibilityTimeout = options.InvisibilityTimeout });
            }
            else if (string.Equals(options.Storage, "sqlite", StringComparison.OrdinalIgnoreCase))
            {
                // The embedded profile's durable queue: shard jobs outlive a crash of the only process.
                var file = options.ConnectionString ?? "data/hangfire.db";
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                config.UseSQLiteStorage(file, new SQLiteStorageOptions
                {
                    QueuePollInterval = options.PollInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddTransient<ShardJob>();
        services.AddSingleton<IPublicationRunner>(sp => new DurablePublicationRunner(sp.GetRequiredService<IBackgroundJobClient>(),
            sp.GetRequiredService<ShardExecutor>(), sp.GetRequiredService<ChannelAdapterRegistry>(), sp.GetRequiredService<PublicationBoard>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DurablePublicationRunner>>())
        {
            RunLocally = role != NodeRole.Admin,
        });
        if (role != NodeRole.Admin)
        {
            // Two servers, not one server with two queues: a Red shard must never wait for a worker busy with Blue.
            services.AddHangfireServer(s =>
            {
                s.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:urgent";
                s.Queues = [ShardJob.UrgentQueue];
                s.WorkerCount = options.UrgentWorkers;
                s.SchedulePollingInterval = options.PollInterval;
            });
            services.AddHangfireServer(s =>
            {
                s.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:routine";
                s.Queues = [ShardJob.RoutineQueue];
                s.WorkerCount = options.RoutineWorkers;
                s.SchedulePollingInterval = options.PollInterval;
            });
        }
        return services;
    }
}
