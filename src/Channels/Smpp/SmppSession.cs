using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Warning.Channels.Smpp.Codec;

namespace Warning.Channels.Smpp;

/// <summary>
/// One bound SMPP connection (ESME side, bind_transceiver): requests matched to responses by sequence number,
/// at most <see cref="SmppChannelOptions.WindowSize"/> submit_sm outstanding, enquire_link after silence,
/// deliver_sm answered after the handler returns. It never reconnects: once closed it stays closed, and
/// <see cref="SmppClient"/> opens a new one.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
    Justification = "Close() ends the session; its semaphores and token source allocate no wait handle, and disposing them while late callers still release would throw.")]
internal sealed partial class SmppSession
{
    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly SmppChannelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<SmppDeliverSm, CancellationToken, ValueTask<uint>> _onDeliver;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _window;
    private readonly ConcurrentDictionary<uint, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;
    private long _lastHeard;

    private SmppSession(Socket socket, SmppChannelOptions options, TimeProvider time, ILogger logger,
        Func<SmppDeliverSm, CancellationToken, ValueTask<uint>> onDeliver)
    {
        var stream = new NetworkStream(socket, ownsSocket: true);
        (_socket, _options, _time, _logger, _onDeliver) = (socket, options, time, logger, onDeliver);
        _input = PipeReader.Create(stream);
        _output = PipeWriter.Create(stream);
        _window = new SemaphoreSlim(options.WindowSize, options.WindowSize);
        _lastHeard = time.GetTimestamp();
    }

    /// <summary>Completes with the reason once the session is closed, by either side.</summary>
    public Task<string> Closed => _closed.Task;

    public bool IsOpen => !_closed.Task.IsCompleted;

    /// <summary>Connects and binds; throws <see cref="SmppBindException"/> when the SMSC refuses, socket errors when unreachable.</summary>
    public static async Task<SmppSession> OpenAsync(SmppChannelOptions options, TimeProvider time, ILogger logger,
        Func<SmppDeliverSm, CancellationToken, ValueTask<uint>> onDeliver, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await socket.ConnectAsync(options.Host, options.Port, linked.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var session = new SmppSession(socket, options, time, logger, onDeliver);
        _ = session.ReadLoopAsync();
        var bind = new SmppBindRequest(options.SystemId, options.Password, options.SystemType);
        SmppResponse response;
        try
        {
            response = await session.RequestAsync(bind, static (span, sequence, b) => SmppPdus.BindTransceiver(span, sequence, b),
                null, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            session.Close("bind abandoned");
            throw;
        }
        if (!response.IsOk)
        {
            session.Close("bind refused");
            throw new SmppBindException(response.Outcome == SmppOutcome.Answered
                ? $"bind_transceiver refused: {SmppStatus.Format(response.Status)}"
                : $"bind_transceiver unanswered: {response.Detail}");
        }
        _ = session.KeepAliveAsync();
        return session;
    }

    /// <summary>
    /// Sends one submit_sm within the window and waits for its response. <paramref name="onAccepted"/> runs on the
    /// read loop with the message_id before anyone else sees the response, so a receipt that follows at once
    /// finds the id already tracked.
    /// </summary>
    public async Task<SmppResponse> SubmitAsync(SmppSubmitRequest submit, SmsPart part, byte reference, Action<string>? onAccepted,
        CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RequestAsync((submit, part, reference),
                static (span, sequence, s) => SmppPdus.SubmitSm(span, sequence, s.submit, s.part, s.reference),
                onAccepted, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _window.Release();
        }
    }

    /// <summary>Unbinds politely (waits for unbind_resp up to the response timeout), then closes.</summary>
    public async Task UnbindAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            await RequestAsync(SmppCommand.Unbind, static (span, sequence, command) => SmppPdus.Bodyless(span, command, SmppStatus.Ok, sequence),
                null, cancellationToken).ConfigureAwait(false);
        }
        Close("unbound");
    }

    /// <summary>Closes at once: every request still waiting ends as <see cref="SmppOutcome.NoAnswer"/>.</summary>
    public void Close(string reason)
    {
        if (!_closed.TrySetResult(reason))
        {
            return;
        }
        _closing.Cancel();
        foreach (var sequence in _pending.Keys)
        {
            if (_pending.TryRemove(sequence, out var pending))
            {
                pending.Complete(SmppResponse.NoAnswer($"connection lost: {reason}"));
            }
        }
        _socket.Dispose(); // ends a pending read or write with an exception; the loops then stop
        Log.SessionClosed(_logger, _options.Host, _options.Port, reason);
    }
}
