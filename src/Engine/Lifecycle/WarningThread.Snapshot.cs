namespace Warning.Engine.Lifecycle;

public sealed partial class WarningThread
{
    /// <summary>The thread as data, for storage between requests.</summary>
    public ThreadSnapshot ToSnapshot() => new(State, _versions.Select(v => new VersionSnapshot(
        v.Content, v.State, v.DraftedBy, v.ApprovedBy, v.PublishedAt, [.. v.History])).ToList());

    /// <summary>Rebuilds a thread from <see cref="ToSnapshot"/>'s output; the rules apply again from there.</summary>
    public static WarningThread Restore(ThreadSnapshot snapshot, TimeProvider timeProvider, LifecyclePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (snapshot.Versions.Count == 0)
        {
            throw new ArgumentException("A stored thread has at least its first version.", nameof(snapshot));
        }
        var thread = new WarningThread(timeProvider, policy ?? LifecyclePolicy.Default) { State = snapshot.State };
        foreach (var v in snapshot.Versions)
        {
            thread._versions.Add(WarningVersion.Restore(v));
        }
        return thread;
    }
}
