using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Dispatch.Redis;
using Warning.Engine.Dispatch.Sqlite;
using Warning.Engine.Durable;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;
using Warning.Engine.Triggers;

namespace Warning.Engine.Hosting;

/// <summary>
/// Wires the engine from the profile (design.md §3): the audit store of the configured dialect, Redis or in-process
/// dedup, limits, leases and locks, the directory, the fan-out pipeline feeding the bulk writer, jobs and schedules,
/// the issuing service, triggers and 叫应. One graph for every role; <see cref="EngineLifetime"/> migrates at start
/// and drains at stop. The adapters come from the channels registered on the returned builder.
/// </summary>
public static class WarningEngineServiceCollectionExtensions
{
    public static IWarningEngineBuilder AddWarningEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<EngineOptions>(configuration, EngineOptions.SectionName, EngineOptionsRules.Engine);
        services.AddValidatedOptions<ChannelPolicyOptions>(configuration, ChannelPolicyOptions.SectionName, EngineOptionsRules.ChannelPolicy);
        services.AddValidatedOptions<DispatchOptions>(configuration, DispatchOptions.SectionName, EngineOptionsRules.Dispatch);
        services.AddValidatedOptions<LifecyclePolicy>(configuration, LifecyclePolicy.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<AuditStore>(sp => CreateStore(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Store,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton<ITriggerStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton(sp => new DeliveryBatchWriter(sp.GetRequiredService<IAuditStore>(),
            logger: sp.GetRequiredService<ILogger<DeliveryBatchWriter>>()));
        // Receipts of every real adapter (SMPP delivery reports, device acks, …) go to the audit store.
        services.TryAddSingleton<IProviderReceiptSink>(sp => new AuditReceiptSink(sp.GetRequiredService<IAuditStore>()));

        services.AddSingleton(sp => new DirectoryStore(CreateDirectory(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Directory)));
        services.AddSingleton(sp => new ChannelPolicy(sp.GetRequiredService<IOptions<ChannelPolicyOptions>>().Value));
        services.AddSingleton<AudienceResolver>();

        services.AddSharedState();

        services.AddSingleton(sp => new ChannelAdapterRegistry(sp.GetServices<IChannelAdapter>()));
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

        // Monitoring triggers (issue 8): rules decide under a lock every node shares when they share Redis.
        services.AddSingleton(sp => new TriggerService(sp.GetRequiredService<ITriggerStore>(), sp.GetRequiredService<WarningService>(),
            sp.GetRequiredService<WarningComposer>(), sp.GetRequiredService<IDepartmentDirectory>(), sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<INamedLocks>()));

        services.AddHostedService<EngineLifetime>();
        services.AddAcknowledgements(configuration); // after EngineLifetime: its start reads tables the migration makes
        return new WarningEngineBuilder(services, configuration);
    }

    /// <summary>Whether the profile names a Redis: then dedup, limits, currency, leases and locks are shared by every node.</summary>
    internal static bool UsesRedis(this IServiceProvider sp) =>
        !string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Redis);

    private static void AddSharedState(this IServiceCollection services)
    {
        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(
            RedisConnections.Options(sp.GetRequiredService<IOptions<EngineOptions>>().Value.Redis!)));
        services.AddSingleton<IDeliveryLedger>(sp => sp.UsesRedis()
            ? new RedisDeliveryLedger(sp.GetRequiredService<IConnectionMultiplexer>())
            : CreateLocalLedger(sp.GetRequiredService<IOptions<EngineOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRateLimiter>(sp => sp.UsesRedis()
            ? new RedisRateLimiter(sp.GetRequiredService<IConnectionMultiplexer>())
            : new InProcessRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IVersionCurrency>(sp => sp.UsesRedis()
            ? new RedisVersionCurrency(sp.GetRequiredService<IConnectionMultiplexer>())
            : new InProcessVersionCurrency());
        services.AddSingleton<INamedLocks>(sp => sp.UsesRedis()
            ? new RedisNamedLocks(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>())
            : new InProcessNamedLocks());
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

    internal static void EnsureSqliteFolder(string connectionString)
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

    /// <summary>Dense directory index → stable recipient id for the audit rows, from the snapshot current at send time.</summary>
    private static Func<int, string> RecipientIds(DirectoryStore directory) => index =>
        directory.Current[index]?.Id ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
