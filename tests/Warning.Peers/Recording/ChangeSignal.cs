namespace Warning.Peers.Recording;

/// <summary>
/// Wakes whoever waits for the next change (the page's event stream, a test waiting for a condition) instead of
/// having them poll. Each pulse completes the current task and starts a new one.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when something changes after this call.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
