using Warning.Engine.Alerts;

namespace Warning.Engine.Issuing;

/// <summary>
/// Sends a published version to its audience. <see cref="StartAsync"/> returns once the fan-out has begun, never
/// after it ends (the first send must not wait for a million others). In-process in the embedded profile; a
/// durable job runner takes its place when several nodes share the work (issue 5).
/// </summary>
public interface IPublicationRunner
{
    /// <summary>
    /// Plans the version's shards and starts them. Throws <see cref="IssuingException"/> with
    /// <see cref="IssuingError.NoAudience"/> when the version reaches nobody; nothing is sent then.
    /// </summary>
    Task<PublicationProgress> StartAsync(string threadId, WarningMessage version, CancellationToken cancellationToken);

    /// <summary>Waits until every shard of <paramref name="versionId"/> this node started has ended.</summary>
    Task WaitAsync(string versionId, CancellationToken cancellationToken);
}
