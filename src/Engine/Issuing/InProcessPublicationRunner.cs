using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;

namespace Warning.Engine.Issuing;

/// <summary>
/// Runs a version's shards on this node, in the background, through the shared <see cref="FanOutDispatcher"/>
/// (whose lanes put Red and Orange ahead of routine work). Progress goes to the <see cref="PublicationBoard"/>.
/// A crash loses the rest of the run; the durable runner of issue 5 is what survives one.
/// </summary>
public sealed partial class InProcessPublicationRunner(
    WarningFanOut fanOut,
    FanOutDispatcher dispatcher,
    ChannelAdapterRegistry adapters,
    PublicationBoard board,
    TimeProvider timeProvider,
    ILogger<InProcessPublicationRunner>? logger = null) : IPublicationRunner, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task> _runs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly ILogger _logger = logger ?? NullLogger<InProcessPublicationRunner>.Instance;

    public Task<PublicationProgress> StartAsync(string threadId, WarningMessage version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        IReadOnlyList<DispatchRequest> shards;
        try
        {
            shards = fanOut.Plan(threadId, version);
        }
        catch (AudienceTargetingException e)
        {
            throw new IssuingException(IssuingError.NoAudience, "预警的发布区域或对象无法识别，未发送任何消息。",
                [.. e.Problems.Select(p => p.ToString())]);
        }
        // The policy may name channels this host has no adapter for (no WeChat account configured, say): the
        // version goes out on the others at once, and the gap is shown on its progress rather than blocking a warning.
        var missing = shards.Select(s => s.Channel).Where(c => !adapters.TryGet(c, out _)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        shards = [.. shards.Where(s => adapters.TryGet(s.Channel, out _))];
        if (shards.Count == 0)
        {
            throw new IssuingException(IssuingError.NoAudience,
                "该预警的区域、人群和渠道没有匹配到任何接收对象，未发送任何消息。");
        }
        var progress = board.Start(threadId, version.Identifier, timeProvider.GetUtcNow());
        progress.UnavailableChannels = missing;
        foreach (var channel in missing)
        {
            LogNoAdapter(_logger, version.Identifier, channel);
        }
        foreach (var shard in shards)
        {
            progress.Channel(shard.Channel).AddTargeted(shard.Recipients.Length);
        }
        progress.Running();
        _runs[version.Identifier] = Task.Run(() => RunAsync(progress, shards), CancellationToken.None);
        return Task.FromResult(progress);
    }

    public Task WaitAsync(string versionId, CancellationToken cancellationToken) =>
        _runs.TryGetValue(versionId, out var run) ? run.WaitAsync(cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // stopped by the host first, then disposed by its container
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_runs.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping: the runs were told to end
        }
        _stopping.Dispose();
    }

    private async Task RunAsync(PublicationProgress progress, IReadOnlyList<DispatchRequest> shards)
    {
        try
        {
            // Every shard at once: the dispatcher's bounded lanes pace them, and each channel's shards share its lane.
            await Task.WhenAll(shards.Select(async shard =>
            {
                var summary = await dispatcher.DispatchAsync(shard, _stopping.Token).ConfigureAwait(false);
                progress.Channel(shard.Channel).AddShard(summary);
            })).ConfigureAwait(false);
            foreach (var channel in progress.Channels)
            {
                channel.Settle();
            }
            progress.Complete(timeProvider.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            progress.Fail(timeProvider.GetUtcNow(), e.Message);
            LogRunFailed(_logger, e, progress.VersionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Version {VersionId}: the channel policy chose {Channel}, but this host has no adapter for it")]
    private static partial void LogNoAdapter(ILogger logger, string versionId, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fan-out of version {VersionId} stopped before every recipient had an outcome")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string versionId);
}
