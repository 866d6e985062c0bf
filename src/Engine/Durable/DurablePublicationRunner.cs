using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Issuing;

namespace Warning.Engine.Durable;

/// <summary>
/// Publication across nodes (design.md §2): one Hangfire job per shard, on the urgent queue for Red and Orange and
/// the routine queue otherwise, so that any node can finish what this one started. When this node also works
/// (<see cref="RunLocally"/>), it starts the shards at once instead of waiting for a job poll; the jobs then find
/// them leased or done and only take over if this node dies.
/// </summary>
public sealed partial class DurablePublicationRunner(
    IBackgroundJobClient jobs,
    ShardExecutor executor,
    ChannelAdapterRegistry adapters,
    PublicationBoard board,
    TimeProvider timeProvider,
    ILogger<DurablePublicationRunner>? logger = null) : IPublicationRunner
{
    private readonly ConcurrentDictionary<string, Task> _runs = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger<DurablePublicationRunner>.Instance;

    /// <summary>Whether this node sends too (role all or worker), or only hands the shards out (role admin).</summary>
    public bool RunLocally { get; init; } = true;

    public async Task<PublicationProgress> StartAsync(string threadId, WarningMessage version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var plan = await executor.PlanAsync(threadId, version.Identifier, cancellationToken).ConfigureAwait(false);
        var missing = plan.Select(s => s.Channel).Where(c => !adapters.TryGet(c, out _)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var shards = plan.Where(s => adapters.TryGet(s.Channel, out _)).ToList();
        if (shards.Count == 0)
        {
            throw new IssuingException(IssuingError.NoAudience, "该预警的区域、人群和渠道没有匹配到任何接收对象，未发送任何消息。");
        }
        var progress = board.Start(threadId, version.Identifier, timeProvider.GetUtcNow());
        progress.UnavailableChannels = missing;
        foreach (var channel in missing)
        {
            LogNoAdapter(_logger, version.Identifier, channel);
        }
        var keys = new List<ShardKey>();
        foreach (var channel in shards.GroupBy(s => s.Channel, StringComparer.OrdinalIgnoreCase))
        {
            var index = 0;
            foreach (var shard in channel)
            {
                progress.Channel(shard.Channel).AddTargeted(shard.Recipients.Length);
                keys.Add(new ShardKey(threadId, version.Identifier, shard.Channel, index++));
            }
        }
        var queue = shards[0].Priority == DispatchPriority.Urgent ? ShardJob.UrgentQueue : ShardJob.RoutineQueue;
        foreach (var key in keys)
        {
            jobs.Create(Job.FromExpression<ShardJob>(j => j.RunAsync(key.ThreadId, key.VersionId, key.Channel, key.Index, CancellationToken.None)),
                new EnqueuedState(queue));
        }
        LogEnqueued(_logger, version.Identifier, keys.Count, queue);
        progress.Running();
        if (RunLocally)
        {
            _runs[version.Identifier] = Task.Run(() => RunAllAsync(progress, keys), CancellationToken.None);
        }
        return progress;
    }

    public Task WaitAsync(string versionId, CancellationToken cancellationToken) =>
        _runs.TryGetValue(versionId, out var run) ? run.WaitAsync(cancellationToken) : Task.CompletedTask;

    private async Task RunAllAsync(PublicationProgress progress, IReadOnlyList<ShardKey> keys)
    {
        try
        {
            await Task.WhenAll(keys.Select(k => executor.RunAsync(k, CancellationToken.None))).ConfigureAwait(false);
            foreach (var channel in progress.Channels)
            {
                channel.Settle();
            }
            progress.Complete(timeProvider.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The jobs are still queued: another attempt (here or on another node) finishes the version.
            progress.Fail(timeProvider.GetUtcNow(), e.Message);
            LogLocalRunFailed(_logger, e, progress.VersionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Version {VersionId}: the channel policy chose {Channel}, but this host has no adapter for it")]
    private static partial void LogNoAdapter(ILogger logger, string versionId, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Version {VersionId}: {Shards} shard jobs enqueued on {Queue}")]
    private static partial void LogEnqueued(ILogger logger, string versionId, int shards, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Version {VersionId}: the local run stopped early; its shard jobs will finish it")]
    private static partial void LogLocalRunFailed(ILogger logger, Exception exception, string versionId);
}
