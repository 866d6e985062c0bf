using System.Buffers;
using System.Net.Sockets;
using Warning.Channels.Smpp.Codec;

namespace Warning.Channels.Smpp;

internal sealed partial class SmppSession
{
    /// <summary>Reads PDUs until the connection ends: completes responses, answers the SMSC's requests.</summary>
    private async Task ReadLoopAsync()
    {
        var reason = "the SMSC closed the connection";
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_closing.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    while (SmppFraming.TryReadPdu(ref buffer, out var pdu))
                    {
                        Volatile.Write(ref _lastHeard, _time.GetTimestamp());
                        var request = Route(pdu);
                        if (request is not null)
                        {
                            await AnswerAsync(request.Value).ConfigureAwait(false);
                        }
                    }
                }
                finally
                {
                    _input.AdvanceTo(buffer.Start, buffer.End);
                }
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            reason = "closed";
        }
        catch (Exception e) when (e is SmppProtocolException or IOException or SocketException or ObjectDisposedException)
        {
            reason = e.Message;
        }
        finally
        {
            Close(reason); // whatever ended the loop, nobody may wait on a session that no longer reads
        }
        await _input.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>A request from the SMSC that needs an answer written (the read loop awaits it, in order).</summary>
    private readonly record struct IncomingRequest(uint CommandId, uint Sequence, SmppDeliverSm? Deliver);

    /// <summary>Handles responses on the spot; returns the SMSC's requests for <see cref="AnswerAsync"/>.</summary>
    private IncomingRequest? Route(ReadOnlySequence<byte> pdu)
    {
        var bytes = pdu.IsSingleSegment ? pdu.FirstSpan : pdu.ToArray();
        var header = SmppHeader.Read(bytes);
        if (SmppCommand.IsResponse(header.CommandId))
        {
            if (_pending.TryRemove(header.Sequence, out var pending))
            {
                pending.Complete(new SmppResponse(SmppOutcome.Answered, header.Status,
                    header.Status == SmppStatus.Ok ? SmppPdus.ResponseId(bytes) : null));
            }
            else
            {
                Log.LateResponse(_logger, SmppCommand.Name(header.CommandId), header.Sequence);
            }
            return null;
        }
        return header.CommandId == SmppCommand.DeliverSm
            ? new IncomingRequest(header.CommandId, header.Sequence, SmppDeliverSm.Read(bytes))
            : new IncomingRequest(header.CommandId, header.Sequence, null);
    }

    private async Task AnswerAsync(IncomingRequest request)
    {
        switch (request.CommandId)
        {
            case SmppCommand.DeliverSm:
                var status = await _onDeliver(request.Deliver!, _closing.Token).ConfigureAwait(false);
                await WriteAsync(status, request.Sequence, static (span, sequence, s) => SmppPdus.DeliverSmResp(span, s, sequence),
                    CancellationToken.None).ConfigureAwait(false);
                break;
            case SmppCommand.EnquireLink:
                await WriteAsync(SmppCommand.EnquireLinkResp, request.Sequence, Bodyless, CancellationToken.None).ConfigureAwait(false);
                break;
            case SmppCommand.Unbind:
                await WriteAsync(SmppCommand.UnbindResp, request.Sequence, Bodyless, CancellationToken.None).ConfigureAwait(false);
                Close("the SMSC unbound");
                break;
            default:
                await WriteAsync(SmppStatus.InvalidCommandId, request.Sequence,
                    static (span, sequence, s) => SmppPdus.Bodyless(span, SmppCommand.GenericNack, s, sequence),
                    CancellationToken.None).ConfigureAwait(false);
                break;
        }
    }

    private static int Bodyless(Span<byte> span, uint sequence, uint commandId) =>
        SmppPdus.Bodyless(span, commandId, SmppStatus.Ok, sequence);

    /// <summary>Sends enquire_link after <see cref="SmppChannelOptions.EnquireLinkInterval"/> of silence; no answer closes the session.</summary>
    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(_options.EnquireLinkInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token).ConfigureAwait(false))
            {
                if (_time.GetElapsedTime(Volatile.Read(ref _lastHeard)) < _options.EnquireLinkInterval)
                {
                    continue;
                }
                var response = await RequestAsync(SmppCommand.EnquireLink, Bodyless, null, _closing.Token).ConfigureAwait(false);
                if (response.Outcome != SmppOutcome.Answered)
                {
                    Close("enquire_link unanswered: " + response.Detail);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // closed: the loop ends with the session
        }
    }
}
