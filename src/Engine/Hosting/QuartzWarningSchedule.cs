using Microsoft.Extensions.Options;
using Quartz;
using Warning.Engine.Issuing;

namespace Warning.Engine.Hosting;

/// <summary>
/// The warning schedules on Quartz.NET, one job per thread and purpose: expiry at the version's <c>expires</c>, the
/// fan-out of a version released ahead of its <c>effective</c> time, and the repeated broadcast of a Red warning.
/// Scheduling again replaces the job (an Update that moves the expiry wins). With the clustered store every node
/// sees the same jobs and a trigger fires on one node only.
/// </summary>
internal sealed class QuartzWarningSchedule(ISchedulerFactory schedulers, IOptions<ScheduleOptions> options, TimeProvider timeProvider)
    : IWarningSchedule
{
    public const string Group = "warnings";

    public Task ScheduleExpiryAsync(string threadId, DateTimeOffset expires, CancellationToken cancellationToken) =>
        ReplaceAsync(JobBuilder.Create<ExpireWarningJob>().WithIdentity($"expire-{threadId}", Group)
                .UsingJobData(ExpireWarningJob.ThreadIdKey, threadId).Build(),
            TriggerBuilder.Create().WithIdentity($"expire-{threadId}", Group).StartAt(expires)
                .WithSimpleSchedule(s => s.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build(),
            cancellationToken);

    public Task SchedulePublicationAsync(string threadId, string versionId, DateTimeOffset effective, CancellationToken cancellationToken) =>
        ReplaceAsync(JobBuilder.Create<PublishWarningJob>().WithIdentity($"publish-{threadId}", Group)
                .UsingJobData(PublishWarningJob.ThreadIdKey, threadId).UsingJobData(PublishWarningJob.VersionIdKey, versionId).Build(),
            TriggerBuilder.Create().WithIdentity($"publish-{threadId}", Group).StartAt(effective)
                .WithSimpleSchedule(s => s.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build(),
            cancellationToken);

    public Task ScheduleRepeatAsync(string threadId, CancellationToken cancellationToken)
    {
        var interval = options.Value.RepeatBroadcastInterval;
        if (interval <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        var start = timeProvider.GetUtcNow().Add(interval);
        // A missed round is not made up for (the next one comes soon enough): NextWithRemainingCount skips it.
        return ReplaceAsync(JobBuilder.Create<RepeatBroadcastJob>().WithIdentity($"repeat-{threadId}", Group)
                .UsingJobData(RepeatBroadcastJob.ThreadIdKey, threadId).Build(),
            TriggerBuilder.Create().WithIdentity($"repeat-{threadId}", Group).StartAt(start)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build(),
            cancellationToken);
    }

    private async Task ReplaceAsync(IJobDetail job, ITrigger trigger, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }
}
