namespace Warning.Engine.Dispatch;

/// <summary>
/// Whether a version may still be sent. Checked just before every adapter call, so an Update or Cancel stops the
/// queued sends of the version it replaces. Fed across nodes by pub/sub; answered from memory.
/// </summary>
public interface IVersionCurrency
{
    bool IsCurrent(string versionId);

    /// <summary>Stops <paramref name="versionId"/> everywhere: it was updated, cancelled or expired.</summary>
    void Retire(string versionId);
}
