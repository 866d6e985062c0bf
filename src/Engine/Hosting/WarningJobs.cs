using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;

namespace Warning.Engine.Hosting;

/// <summary>Expires one thread when its time comes (does nothing when an Update moved the expiry later).</summary>
[DisallowConcurrentExecution]
internal sealed partial class ExpireWarningJob(WarningService warnings, ILogger<ExpireWarningJob> logger) : IJob
{
    public const string ThreadIdKey = "threadId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threadId = context.MergedJobDataMap.GetString(ThreadIdKey)!;
        var expired = await warnings.ExpireAsync(threadId, cancellationToken).ConfigureAwait(false);
        LogExpiry(logger, threadId, Environment.ProcessId, expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry of thread {ThreadId} on process {ProcessId}: {Expired}")]
    private static partial void LogExpiry(ILogger logger, string threadId, int processId, bool expired);
}

/// <summary>Starts the fan-out of a version released ahead of its effective time (nothing when it was replaced meanwhile).</summary>
[DisallowConcurrentExecution]
internal sealed partial class PublishWarningJob(WarningService warnings, ILogger<PublishWarningJob> logger) : IJob
{
    public const string ThreadIdKey = "threadId";
    public const string VersionIdKey = "versionId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threadId = context.MergedJobDataMap.GetString(ThreadIdKey)!;
        var versionId = context.MergedJobDataMap.GetString(VersionIdKey)!;
        var progress = await warnings.StartScheduledAsync(threadId, versionId, cancellationToken).ConfigureAwait(false);
        LogPublication(logger, versionId, Environment.ProcessId, progress is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled publication of {VersionId} on process {ProcessId}: {Started}")]
    private static partial void LogPublication(ILogger logger, string versionId, int processId, bool started);
}

/// <summary>
/// One round of the repeated broadcast of an active Red warning: its version goes again to the repeat channels
/// (loudspeakers, LED signs) only. The round number comes from the trigger's own fire time, and each round is its own
/// ledger scope (<c>{version}#r{round}</c>), so a round fired twice (a recovered node, a misfire) sends once. When the
/// thread is no longer an active Red warning the job removes itself.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RepeatBroadcastJob(
    WarningService warnings,
    WarningFanOut fanOut,
    FanOutDispatcher dispatcher,
    ChannelAdapterRegistry adapters,
    IOptions<ScheduleOptions> options,
    ILogger<RepeatBroadcastJob> logger) : IJob
{
    public const string ThreadIdKey = "threadId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threadId = context.MergedJobDataMap.GetString(ThreadIdKey)!;
        var thread = (await warnings.GetAsync(threadId, cancellationToken).ConfigureAwait(false)).Thread;
        if (thread.State != WarningThreadState.Active || thread.Current is not { Level: WarningLevel.Red } current)
        {
            await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken).ConfigureAwait(false);
            LogStopped(logger, threadId);
            return;
        }
        var round = Round(context, options.Value.RepeatBroadcastInterval);
        var channels = DepartmentOptions.Split(options.Value.RepeatChannels).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var shards = fanOut.Plan(threadId, current.Content)
            .Where(s => channels.Contains(s.Channel) && adapters.TryGet(s.Channel, out _))
            .Select(s => s with { Content = s.Content with { VersionId = $"{current.Id}#r{round}" } })
            .ToList();
        var recipients = shards.Sum(s => s.Recipients.Length);
        LogRound(logger, round, current.Id, Environment.ProcessId, recipients);
        foreach (var shard in shards)
        {
            await dispatcher.DispatchAsync(shard, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>1 for the first repeat after publication, counted from the trigger's start and its scheduled fire time.</summary>
    private static long Round(IJobExecutionContext context, TimeSpan interval)
    {
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        return 1 + (long)Math.Round((scheduled - context.Trigger.StartTimeUtc) / interval);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeat round {Round} of {VersionId} on process {ProcessId}: {Recipients} recipients")]
    private static partial void LogRound(ILogger logger, long round, string versionId, int processId, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeat of thread {ThreadId} stopped: no longer an active Red warning")]
    private static partial void LogStopped(ILogger logger, string threadId);
}
