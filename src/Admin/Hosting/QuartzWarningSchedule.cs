using Quartz;
using Warning.Engine.Issuing;

namespace Warning.Admin.Hosting;

/// <summary>
/// The warning schedules on Quartz.NET: one job per thread that expires it at its version's <c>expires</c>
/// (re-scheduling replaces the time, so an Update that moves the expiry wins). RAM store: schedules of a node are
/// rebuilt from the store at start by <see cref="EngineLifetime"/>; a clustered ADO store is the multi-node step still open.
/// </summary>
internal sealed class QuartzWarningSchedule(ISchedulerFactory schedulers) : IWarningSchedule
{
    public async Task ScheduleExpiryAsync(string threadId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ExpireWarningJob>()
            .WithIdentity($"expire-{threadId}", "warnings")
            .UsingJobData(ExpireWarningJob.ThreadIdKey, threadId)
            .StoreDurably(false)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"expire-{threadId}", "warnings")
            .StartAt(expires)
            .WithSimpleSchedule(s => s.WithRepeatCount(0))
            .Build();
        await scheduler.DeleteJob(job.Key, cancellationToken); // an Update's new expiry replaces the old one
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
    }
}

/// <summary>Expires one thread when its time comes (does nothing when an Update moved the expiry later).</summary>
[DisallowConcurrentExecution]
internal sealed partial class ExpireWarningJob(WarningService warnings, ILogger<ExpireWarningJob> logger) : IJob
{
    public const string ThreadIdKey = "threadId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threadId = context.MergedJobDataMap.GetString(ThreadIdKey)!;
        var expired = await warnings.ExpireAsync(threadId, cancellationToken);
        LogExpiry(logger, threadId, expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry of thread {ThreadId}: {Expired}")]
    private static partial void LogExpiry(ILogger logger, string threadId, bool expired);
}
