using System.Net.Sockets;
using Warning.Channels.Smpp.Codec;

namespace Warning.Channels.Smpp;

internal sealed partial class SmppSession
{
    private delegate int PduEncoder<TState>(Span<byte> destination, uint sequence, TState state);

    private async Task<SmppResponse> RequestAsync<TState>(TState state, PduEncoder<TState> encode, Action<string>? onAccepted,
        CancellationToken cancellationToken)
    {
        var sequence = NextSequence();
        var pending = new PendingRequest(onAccepted);
        _pending[sequence] = pending;
        try
        {
            var written = await WriteAsync(state, sequence, encode, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != SmppOutcome.Answered)
            {
                return written;
            }
            return await pending.Task.WaitAsync(_options.ResponseTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return SmppResponse.NoAnswer($"no response within {_options.ResponseTimeout.TotalSeconds:0.###} s");
        }
        finally
        {
            _pending.TryRemove(sequence, out _);
        }
    }

    /// <summary>Writes one PDU; "Answered" here only means written and flushed.</summary>
    private async Task<SmppResponse> WriteAsync<TState>(TState state, uint sequence, PduEncoder<TState> encode,
        CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsOpen)
            {
                return SmppResponse.NotSent("not bound: " + await _closed.Task.ConfigureAwait(false));
            }
            try
            {
                var length = encode(_output.GetSpan(SmppPdus.MaxOutgoingLength), sequence, state);
                _output.Advance(length);
                // Flush on the session's token, not the caller's: a caller giving up must not leave half a PDU behind.
                var flushed = await _output.FlushAsync(_closing.Token).ConfigureAwait(false);
                return flushed.IsCompleted ? SmppResponse.NoAnswer("connection closed while writing") : new SmppResponse(SmppOutcome.Answered, 0, null);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                Close("write failed: " + e.Message);
                return SmppResponse.NoAnswer("connection lost while writing");
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private uint NextSequence()
    {
        while (true)
        {
            var sequence = (uint)Interlocked.Increment(ref _sequence) & 0x7FFF_FFFF; // 1..0x7FFFFFFF (§5.1.4)
            if (sequence != 0)
            {
                return sequence;
            }
        }
    }

    /// <summary>A request waiting for its response.</summary>
    private sealed class PendingRequest(Action<string>? onAccepted)
    {
        private readonly TaskCompletionSource<SmppResponse> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<SmppResponse> Task => _response.Task;

        public void Complete(SmppResponse response)
        {
            if (response.IsOk && response.Id is { } id)
            {
                onAccepted?.Invoke(id);
            }
            _response.TrySetResult(response);
        }
    }
}
