using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Warning.Admin.Readings;
using Warning.Channels.Sandbox;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Dispatch.Redis;
using Warning.Engine.Dispatch.Sqlite;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;

namespace Warning.Admin.Hosting;

/// <summary>
/// Wires the engine from the profile (design.md §3): the audit store of the configured dialect, Redis or in-process
/// dedup and limits, the directory, sandbox adapters, the fan-out pipeline feeding the bulk writer, and the issuing
/// service on top. One graph for every role; <see cref="EngineLifetime"/> migrates at start and drains at stop.
/// </summary>
internal static class EngineServices
{
    public static IServiceCollection AddWarningEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.SectionName));
        services.Configure<ChannelPolicyOptions>(configuration.GetSection(ChannelPolicyOptions.SectionName));
        services.Configure<DispatchOptions>(configuration.GetSection("Dispatch"));
        services.Configure<LifecyclePolicy>(configuration.GetSection(LifecyclePolicy.SectionName));
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<AuditStore>(sp => CreateStore(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Store,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton(sp => new DeliveryBatchWriter(sp.GetRequiredService<IAuditStore>(),
            logger: sp.GetRequiredService<ILogger<DeliveryBatchWriter>>()));

        services.AddSingleton(sp => new DirectoryStore(CreateDirectory(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Directory)));
        services.AddSingleton(sp => new ChannelPolicy(sp.GetRequiredService<IOptions<ChannelPolicyOptions>>().Value));
        services.AddSingleton<AudienceResolver>();

        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(
            RedisConnections.Options(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Redis!)));
        services.AddSingleton<IDeliveryLedger>(sp => UsesRedis(sp)
            ? new RedisDeliveryLedger(sp.GetRequiredService<IConnectionMultiplexer>())
            : CreateLocalLedger(sp.GetRequiredService<IOptions<EngineOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRateLimiter>(sp => UsesRedis(sp)
            ? new RedisRateLimiter(sp.GetRequiredService<IConnectionMultiplexer>())
            : new InProcessRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IVersionCurrency>(sp => UsesRedis(sp)
            ? new RedisVersionCurrency(sp.GetRequiredService<IConnectionMultiplexer>())
            : new InProcessVersionCurrency());

        services.AddSingleton<SandboxRecorder>();
        services.AddConfiguredChannels(configuration);
        services.AddSingleton(sp => new ChannelAdapterRegistry(ChannelServices.Merge(SandboxAdapters(sp), sp)));
        services.AddSingleton(sp => new PublicationBoard(new AuditOutcomeSink(sp.GetRequiredService<DeliveryBatchWriter>(),
            RecipientIds(sp.GetRequiredService<DirectoryStore>()), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton(sp => new FanOutDispatcher(sp.GetRequiredService<ChannelAdapterRegistry>(),
            sp.GetRequiredService<IDeliveryLedger>(), sp.GetRequiredService<IRateLimiter>(), sp.GetRequiredService<IVersionCurrency>(),
            sp.GetRequiredService<PublicationBoard>(), sp.GetRequiredService<IOptions<DispatchOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FanOutDispatcher>>()));
        services.AddSingleton(sp => new WarningFanOut(sp.GetRequiredService<AudienceResolver>(), sp.GetRequiredService<DirectoryStore>(),
            sp.GetRequiredService<FanOutDispatcher>(), sp.GetRequiredService<TimeProvider>())
        {
            ShardSize = sp.GetRequiredService<IOptions<EngineOptions>>().Value.ShardSize,
        });
        services.AddSingleton<InProcessPublicationRunner>();
        services.AddWarningJobs(configuration);

        services.AddSingleton<IDepartmentDirectory>(sp => new DepartmentDirectory(
            sp.GetRequiredService<IOptions<EngineOptions>>().Value.Departments.Select(d => d.ToDepartment())));
        services.AddSingleton(sp => new GbIdentifierGenerator(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WarningComposer>();
        services.AddSingleton(sp => new WarningService(sp.GetRequiredService<IWorkflowStore>(), sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<IDepartmentDirectory>(), sp.GetRequiredService<AudienceResolver>(),
            sp.Acknowledging(sp.GetRequiredService<IPublicationRunner>()), sp.GetRequiredService<IVersionCurrency>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<LifecyclePolicy>>().Value,
            sp.GetRequiredService<IWarningSchedule>()));
        services.AddWarningSchedules(configuration);

        services.AddWarningTriggers(configuration);
        services.AddHostedService<EngineLifetime>();
        services.AddAcknowledgements(configuration); // after EngineLifetime: its start reads tables the migration makes
        return services;
    }

    private static IDeliveryLedger CreateLocalLedger(EngineOptions options, TimeProvider time)
    {
        if (!string.Equals(options.Ledger, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new InProcessDeliveryLedger(time);
        }
        EnsureSqliteFolder(options.LedgerConnectionString);
        return new SqliteDeliveryLedger(options.LedgerConnectionString, time);
    }

    private static bool UsesRedis(IServiceProvider sp) =>
        !string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Redis);

    private static AuditStore CreateStore(StoreOptions options, TimeProvider time)
    {
        switch (options.Provider.ToLowerInvariant())
        {
            case "sqlite":
                EnsureSqliteFolder(options.ConnectionString);
                return new SqliteAuditStore(options.ConnectionString, timeProvider: time);
            case "postgres" or "postgresql":
                return new PostgreSqlAuditStore(options.ConnectionString, timeProvider: time);
            case "sqlserver":
                return new SqlServerAuditStore(options.ConnectionString, timeProvider: time);
            default:
                throw new InvalidOperationException(
                    $"Warning:Store:Provider '{options.Provider}' is not known: use sqlite, postgres or sqlserver.");
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static RecipientDirectory CreateDirectory(DirectoryOptions options) =>
        options.Demo ? DemoDistrict.Generate(options.DemoSeed, options.DemoPeople) : RecipientDirectory.Empty;

    private static IEnumerable<IChannelAdapter> SandboxAdapters(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
        var policy = sp.GetRequiredService<IOptions<ChannelPolicyOptions>>().Value;
        foreach (var name in DepartmentOptions.Split(options.SandboxChannels))
        {
            IChannelAdapter adapter = new SandboxChannelAdapter(new SandboxChannelOptions
            {
                Name = name,
                MaxTextLength = policy.MaxTextLength.GetValueOrDefault(name, 2000),
                Latency = options.SandboxLatency,
                MaxBatchSize = options.SandboxBatchSize,
            }, sp.GetRequiredService<SandboxRecorder>(), sp.GetRequiredService<TimeProvider>());
            if (!string.IsNullOrWhiteSpace(options.SandboxSendLog))
            {
                Directory.CreateDirectory(options.SandboxSendLog);
                adapter = new SendLogAdapter(adapter, options.SandboxSendLog);
            }
            yield return adapter;
        }
    }

    /// <summary>Dense directory index → stable recipient id for the audit rows, from the snapshot current at send time.</summary>
    private static Func<int, string> RecipientIds(DirectoryStore directory) => index =>
        directory.Current[index]?.Id ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
