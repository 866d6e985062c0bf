using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Codecs;
using Warning.Engine.Dispatch;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Engine.Durable;

/// <summary>
/// Runs one shard on this node under a lease, wherever the request came from (the publishing node at once, or a
/// Hangfire job on any node later). The lease makes runs of one shard take turns: a second run waits until the
/// first finishes (then does nothing) or dies (then resumes: the claim ledger skips recipients already served and
/// applies the Unknown policy to those claimed but unconfirmed). The shard's recipients are rebuilt from the
/// stored version and the directory, so a job carries only a <see cref="ShardKey"/>.
/// </summary>
public sealed partial class ShardExecutor(
    IAuditStore store,
    WarningFanOut fanOut,
    FanOutDispatcher dispatcher,
    IShardLeases leases,
    ShardExecutorOptions options,
    TimeProvider timeProvider,
    PublicationBoard? board = null,
    ILogger<ShardExecutor>? logger = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<DispatchRequest>>>> _plans = new(StringComparer.Ordinal);
    private const int MaxCachedPlans = 16;
    private readonly ILogger _logger = logger ?? NullLogger<ShardExecutor>.Instance;

    /// <summary>This process, in lease owner names and logs.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs the shard unless it is finished; returns its summary, or null when another run did the work.</summary>
    public async Task<DispatchSummary?> RunAsync(ShardKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var owner = $"{NodeId}/{Guid.NewGuid():N}";
        while (true)
        {
            if (await leases.IsDoneAsync(key, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            if (await leases.TryAcquireAsync(key, owner, options.LeaseTimeToLive, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
            await Task.Delay(options.LeasePollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewal = RenewAsync(key, owner, lost, stopRenewing.Token);
        try
        {
            if (await leases.IsDoneAsync(key, cancellationToken).ConfigureAwait(false))
            {
                return null; // finished between the check and the lease
            }
            var request = await LoadAsync(key, cancellationToken).ConfigureAwait(false);
            LogShardStarted(_logger, key, NodeId, request.Recipients.Length);
            var summary = await dispatcher.DispatchAsync(request, lost.Token).ConfigureAwait(false);
            await leases.MarkDoneAsync(key, request.TimeToLive, CancellationToken.None).ConfigureAwait(false);
            board?.Get(key.VersionId)?.Channel(key.Channel).AddShard(summary);
            LogShardDone(_logger, key, NodeId, summary.Sent, summary.AlreadyServed, summary.UnknownResent, summary.UnknownSkipped);
            return summary;
        }
        finally
        {
            await stopRenewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            await leases.ReleaseAsync(key, owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The shards of a version on every channel, as <see cref="WarningFanOut.Plan"/> cuts them (cached per version).</summary>
    public Task<IReadOnlyList<DispatchRequest>> PlanAsync(string threadId, string versionId, CancellationToken cancellationToken)
    {
        if (_plans.Count > MaxCachedPlans && !_plans.ContainsKey(versionId))
        {
            _plans.Clear(); // a plan is cheap to rebuild (tens of ms); memory for old versions' recipient lists is not
        }
        return _plans.GetOrAdd(versionId, _ => new Lazy<Task<IReadOnlyList<DispatchRequest>>>(
            () => PlanFromStoreAsync(threadId, versionId, cancellationToken))).Value;
    }

    private async Task<DispatchRequest> LoadAsync(ShardKey key, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(key.ThreadId, key.VersionId, cancellationToken).ConfigureAwait(false);
        var shards = plan.Where(s => string.Equals(s.Channel, key.Channel, StringComparison.OrdinalIgnoreCase)).ToList();
        return key.Index < shards.Count
            ? shards[key.Index]
            : throw new InvalidOperationException(
                $"Shard {key} does not exist: the version has {shards.Count} shards on {key.Channel}. The directory differs between nodes.");
    }

    private async Task<IReadOnlyList<DispatchRequest>> PlanFromStoreAsync(string threadId, string versionId, CancellationToken cancellationToken)
    {
        var xml = await store.GetOriginalXmlAsync(versionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Version {versionId} is not in the audit store; a shard job cannot run before its version is published.");
        var message = CapReader.Read(xml).Message
            ?? throw new InvalidOperationException($"The stored XML of version {versionId} cannot be read back.");
        return fanOut.Plan(threadId, message);
    }

    private async Task RenewAsync(ShardKey key, string owner, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(options.LeaseRenewInterval, timeProvider, stop).ConfigureAwait(false);
                if (!await leases.RenewAsync(key, owner, options.LeaseTimeToLive, stop).ConfigureAwait(false))
                {
                    // Another node may have taken the shard over: stop claiming more of it here.
                    LogLeaseLost(_logger, key, NodeId);
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the run ended
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} started on {Node}: {Recipients} recipients")]
    private static partial void LogShardStarted(ILogger logger, ShardKey shard, string node, int recipients);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Shard {Shard} done on {Node}: {Sent} sent, {AlreadyServed} served before, {UnknownResent} unknown resent, {UnknownSkipped} unknown skipped")]
    private static partial void LogShardDone(ILogger logger, ShardKey shard, string node, int sent, int alreadyServed, int unknownResent, int unknownSkipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard} on {Node}: lease lost, stopping this run")]
    private static partial void LogLeaseLost(ILogger logger, ShardKey shard, string node);
}
