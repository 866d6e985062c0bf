using Microsoft.Extensions.Logging;
using Warning.Channels.Smpp.Codec;

namespace Warning.Channels.Smpp;

/// <summary>
/// Keeps one bind to the SMSC: binds when started, and after a drop or a refused bind binds again after a backoff
/// that doubles up to <see cref="SmppChannelOptions.MaxReconnectDelay"/> (TimeProvider-driven). Senders never wait
/// out the backoff: they get the bound session, the outcome of an attempt under way, or null at once.
/// </summary>
internal sealed class SmppClient : IAsyncDisposable
{
    private readonly SmppChannelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<SmppDeliverSm, CancellationToken, ValueTask<uint>> _onDeliver;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private SmppSession? _session;
    private TaskCompletionSource<SmppSession?>? _attempt;
    private Task? _loop;
    private int _disposed;

    public SmppClient(SmppChannelOptions options, TimeProvider time, ILogger logger,
        Func<SmppDeliverSm, CancellationToken, ValueTask<uint>> onDeliver)
    {
        (_options, _time, _logger, _onDeliver) = (options, time, logger, onDeliver);
    }

    /// <summary>Binds in the background (idempotent). Receipts and replies arrive only while bound.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_loop is not null || _stopping.IsCancellationRequested)
            {
                return;
            }
            _attempt = NewAttempt();
            _loop = Task.Run(KeepBoundAsync);
        }
    }

    public bool IsBound => Volatile.Read(ref _session) is { IsOpen: true };

    /// <summary>The bound session; or the result of the bind attempt under way; or null while backing off.</summary>
    public async ValueTask<SmppSession?> GetSessionAsync(CancellationToken cancellationToken)
    {
        Start();
        var session = Volatile.Read(ref _session);
        if (session is { IsOpen: true })
        {
            return session;
        }
        var attempt = Volatile.Read(ref _attempt);
        return attempt is null ? null : await attempt.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        Task? loop;
        lock (_lock)
        {
            loop = _loop;
            _stopping.Cancel();
        }
        var session = Volatile.Read(ref _session);
        if (session is not null)
        {
            using var timeout = new CancellationTokenSource(_options.ResponseTimeout, _time);
            await session.UnbindAsync(timeout.Token).ConfigureAwait(false);
        }
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    private async Task KeepBoundAsync()
    {
        var failures = 0;
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            var attempt = Volatile.Read(ref _attempt)!;
            var session = await TryBindAsync(token).ConfigureAwait(false);
            Volatile.Write(ref _session, session);
            Volatile.Write(ref _attempt, null);
            attempt.TrySetResult(session);
            if (session is not null)
            {
                failures = 0;
                await session.Closed.ConfigureAwait(false);
                Volatile.Write(ref _session, null);
            }
            else
            {
                failures++;
            }
            var delay = Backoff(failures);
            Log.Reconnecting(_logger, _options.Host, _options.Port, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Volatile.Write(ref _attempt, NewAttempt());
        }
        Volatile.Read(ref _attempt)?.TrySetResult(null);
    }

    private async Task<SmppSession?> TryBindAsync(CancellationToken token)
    {
        try
        {
            var session = await SmppSession.OpenAsync(_options, _time, _logger, _onDeliver, token).ConfigureAwait(false);
            Log.Bound(_logger, _options.Host, _options.Port, _options.SystemId);
            return session;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is SmppBindException or System.Net.Sockets.SocketException or OperationCanceledException or IOException)
        {
            Log.BindFailed(_logger, _options.Host, _options.Port, e.Message);
            return null;
        }
    }

    /// <summary>ReconnectDelay × 2^(failures−1), capped, with ±20 % jitter so a fleet of nodes does not rebind in step.</summary>
    private TimeSpan Backoff(int failures)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 16);
        var delay = Math.Min(_options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, exponent), _options.MaxReconnectDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(delay * (0.8 + (0.4 * Random.Shared.NextDouble())));
#pragma warning restore CA5394
    }

    private static TaskCompletionSource<SmppSession?> NewAttempt() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
