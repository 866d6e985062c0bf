using Microsoft.Extensions.Logging;
using Quartz;
using Warning.Engine.Acknowledgement;

namespace Warning.Engine.Hosting;

/// <summary>
/// 叫应 deadlines on Quartz.NET: one job per request, replaced at each step, in whichever store the warning schedules
/// use (with the clustered store a worker fires it). Nodes also schedule the pending requests again from the audit
/// store at start (<see cref="AcknowledgementLifetime"/>), which is what a RAM store needs after a restart.
/// </summary>
internal sealed class QuartzAcknowledgementScheduler(ISchedulerFactory schedulers) : IAcknowledgementScheduler
{
    public async Task ScheduleAsync(string requestId, EscalationStep step, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<AcknowledgementDeadlineJob>()
            .WithIdentity($"ack-{requestId}", "acknowledgements")
            .UsingJobData(AcknowledgementDeadlineJob.RequestIdKey, requestId)
            .UsingJobData(AcknowledgementDeadlineJob.StepKey, step.ToString()) // text: survives any job-data serializer
            .StoreDurably(false)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"ack-{requestId}", "acknowledgements")
            .StartAt(dueAt)
            .WithSimpleSchedule(s => s.WithRepeatCount(0))
            .Build();
        await scheduler.DeleteJob(job.Key, cancellationToken).ConfigureAwait(false); // the next step's deadline replaces the last one
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Takes the next escalation step of one request when its deadline comes (nothing when it was answered).</summary>
[DisallowConcurrentExecution]
internal sealed partial class AcknowledgementDeadlineJob(AcknowledgementService acknowledgements, ILogger<AcknowledgementDeadlineJob> logger) : IJob
{
    public const string RequestIdKey = "requestId";
    public const string StepKey = "step";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = context.MergedJobDataMap.GetString(RequestIdKey)!;
        var step = Enum.Parse<EscalationStep>(context.MergedJobDataMap.GetString(StepKey)!);
        var changed = await acknowledgements.OnDeadlineAsync(requestId, step, cancellationToken).ConfigureAwait(false);
        LogDeadline(logger, requestId, step, changed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "叫应 deadline of request {RequestId} at step {Step}: changed {Changed}")]
    private static partial void LogDeadline(ILogger logger, string requestId, EscalationStep step, bool changed);
}
