namespace Warning.Engine.Durable;

/// <summary>
/// Mutual exclusion by name, across every node that shares the implementation (Redis) or within one process. Held
/// for short critical sections — read a state, act, write the state back — such as a monitoring rule deciding whether
/// to open a warning, which two nodes must never do at once.
/// </summary>
public interface INamedLocks
{
    /// <summary>
    /// Waits until <paramref name="name"/> is free and takes it; disposing the result lets it go. A holder that dies
    /// keeps it at most the implementation's time to live.
    /// </summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);
}
