using Hangfire;

namespace Warning.Engine.Durable;

/// <summary>
/// The Hangfire job of one shard: the durable record that some node must finish it. Arguments are the shard's name
/// only. Hangfire retries a failed run (a dead Redis, a store outage); the lease and the claim ledger make a retry
/// resume where the last run stopped.
/// </summary>
public sealed class ShardJob(ShardExecutor executor)
{
    public const string UrgentQueue = "urgent";
    public const string RoutineQueue = "routine";

    [AutomaticRetry(Attempts = 20, DelaysInSeconds = [1, 2, 5, 10, 20, 30, 60])]
    public async Task RunAsync(string threadId, string versionId, string channel, int index, CancellationToken cancellationToken) =>
        await executor.RunAsync(new ShardKey(threadId, versionId, channel, index), cancellationToken).ConfigureAwait(false);
}
