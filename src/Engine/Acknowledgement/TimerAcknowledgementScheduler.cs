using System.Collections.Concurrent;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Deadlines as <see cref="TimeProvider"/> timers: in-process, lost on restart (the host uses Quartz). With a fake
/// clock, advancing it past a deadline starts the handler; <see cref="IdleAsync"/> waits for the handlers it started.
/// </summary>
public sealed class TimerAcknowledgementScheduler(
    TimeProvider timeProvider, Func<string, EscalationStep, CancellationToken, Task> onDue) : IAcknowledgementScheduler, IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public Task ScheduleAsync(string requestId, EscalationStep step, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var delay = dueAt - timeProvider.GetUtcNow();
        var timer = timeProvider.CreateTimer(_ => Fire(requestId, step), null,
            delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        if (_timers.TryRemove(requestId, out var earlier))
        {
            earlier.Dispose();
        }
        if (!_timers.TryAdd(requestId, timer))
        {
            timer.Dispose();
        }
        return Task.CompletedTask;
    }

    /// <summary>Completes when every deadline handler started so far has ended.</summary>
    public async Task IdleAsync()
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }
        _stopping.Dispose();
    }

    private void Fire(string requestId, EscalationStep step)
    {
        _timers.TryRemove(requestId, out _);
        var run = Task.Run(() => onDue(requestId, step, _stopping.Token));
        _running.TryAdd(run, 0);
        run.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
