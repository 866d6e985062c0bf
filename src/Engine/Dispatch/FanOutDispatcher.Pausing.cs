using Polly.CircuitBreaker;
using Warning.Engine.Resilience;

namespace Warning.Engine.Dispatch;

public sealed partial class FanOutDispatcher
{
    /// <summary>Raised on every circuit state change of any channel (Open, HalfOpen, Closed), on the thread that caused it.</summary>
    public event EventHandler<CircuitChange>? CircuitChanged;

    /// <summary>The channel's circuit now (Closed for a channel that has not sent yet).</summary>
    public CircuitState CircuitStateOf(string channel) => _pipelines.StateOf(channel);

    /// <summary>Whether sends on <paramref name="channel"/> are paused because the provider throttled us, and until when.</summary>
    public DateTimeOffset? PausedUntil(string channel) =>
        _pausedUntil.TryGetValue(channel, out var ticks) && ticks > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private void OnCircuitChange(CircuitChange change)
    {
        Log.CircuitChanged(_logger, change.Channel, change.State);
        CircuitChanged?.Invoke(this, change);
    }

    /// <summary>
    /// The provider said "too fast" (SMPP 0x58/0x14, WeChat 45009/45011, HTTP 429): every sender of the channel holds
    /// off until the pause it asked for is over, instead of each one finding out by being refused again.
    /// </summary>
    private void PauseChannel(string channel, TimeSpan pause)
    {
        if (pause <= TimeSpan.Zero)
        {
            return;
        }
        var until = _time.GetUtcNow().UtcTicks + pause.Ticks;
        var now = _pausedUntil.AddOrUpdate(channel, until, (_, old) => Math.Max(old, until));
        if (now == until)
        {
            Log.ChannelPaused(_logger, channel, pause.TotalMilliseconds);
        }
    }

    private async Task WaitWhilePausedAsync(string channel)
    {
        while (_pausedUntil.TryGetValue(channel, out var until))
        {
            var remaining = until - _time.GetUtcNow().UtcTicks;
            if (remaining <= 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromTicks(remaining), _time, _stopping.Token).ConfigureAwait(false);
        }
    }
}
