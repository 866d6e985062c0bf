using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Warning.Engine.Issuing;

namespace Warning.Engine.Hosting;

/// <summary>
/// Quartz.NET for the warning schedules: the RAM store on one node, or the clustered ADO store on PostgreSQL or
/// SQL Server when several nodes share the work. Admin nodes only write schedules; nodes that work fire them.
/// </summary>
internal static class ScheduleServices
{
    public static IServiceCollection AddWarningSchedules(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        services.AddValidatedOptions<ScheduleOptions>(configuration, ScheduleOptions.SectionName, EngineOptionsRules.Schedule);
        var clustered = !string.Equals(options.Store, "memory", StringComparison.OrdinalIgnoreCase);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // Clustered: one name for the whole cluster, its rows in the store are keyed by it. RAM store: a name of
                // this host's own, because Quartz keeps schedulers in a process-wide repository by name and a second
                // host in the same process (tests, or an embedding application) would otherwise get the first one's
                // scheduler, with that host's services behind its jobs.
                s.InstanceName = clustered ? "warning" : "warning-" + Guid.NewGuid().ToString("N");
                s.IdleWaitTime = options.IdleWaitTime;
            });
            if (clustered)
            {
                var connection = options.ConnectionString ?? configuration["Warning:Store:ConnectionString"]
                    ?? throw new InvalidOperationException("Warning:Schedule:ConnectionString is required for a clustered schedule store.");
                q.UsePersistentStore(store =>
                {
                    switch (options.Store.ToLowerInvariant())
                    {
                        case "postgres" or "postgresql":
                            store.UsePostgres(connection);
                            break;
                        case "sqlserver":
                            store.UseSqlServer(connection);
                            break;
                        default:
                            throw new InvalidOperationException($"Warning:Schedule:Store '{options.Store}' is not known: use memory, postgres or sqlserver.");
                    }
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c => c.CheckinInterval = options.CheckinInterval);
                    store.ProvisionSchema(); // Quartz's own tables, created when missing (never altered or dropped)
                });
            }
        });
        services.AddQuartzHostedService(q =>
        {
            q.WaitForJobsToComplete = true;
            // An admin node of a cluster writes schedules into the shared store and leaves the firing to the workers.
            q.AutoStart = !clustered || configuration.GetNodeRole() != NodeRole.Admin;
        });
        services.AddSingleton<IWarningSchedule, QuartzWarningSchedule>();
        return services;
    }
}
