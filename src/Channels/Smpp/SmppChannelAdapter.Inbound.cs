using Warning.Channels.Smpp.Codec;
using Warning.Channels.Smpp.Receipts;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;

namespace Warning.Channels.Smpp;

public sealed partial class SmppChannelAdapter
{
    /// <summary>
    /// Every deliver_sm: a receipt becomes at most one <see cref="ProviderReceipt"/> per message (after its last part),
    /// anything else is a reply. The SMSC's deliver_sm_resp waits for the sinks; a sink failure answers
    /// ESME_RX_T_APPN, which asks the SMSC to deliver it again later.
    /// </summary>
    private async ValueTask<uint> OnDeliverAsync(SmppDeliverSm deliver, CancellationToken cancellationToken)
    {
        try
        {
            var text = SmsText.Decode(deliver.DataCoding, deliver.UserData, deliver.HasUdh);
            if (deliver.IsReceipt)
            {
                await OnReceiptAsync(deliver, text, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Log.Inbound(_logger, deliver.SourceAddress, deliver.DestinationAddress, text);
                var message = new InboundMessage(Name, deliver.SourceAddress, deliver.DestinationAddress, text, _time.GetUtcNow());
                await _inbound.RecordAsync(message, cancellationToken).ConfigureAwait(false);
            }
            return SmppStatus.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The SMSC must get an answer whatever the sink did; the error is logged and the SMSC retries.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.SinkFailed(_logger, e);
            return SmppStatus.TemporaryAppError;
        }
    }

    private async ValueTask OnReceiptAsync(SmppDeliverSm deliver, string text, CancellationToken cancellationToken)
    {
        var parsed = SmppReceiptText.TryParse(text);
        var state = parsed is not null ? SmppReceiptText.FinalState(parsed.Stat)
            : deliver.MessageState is { } messageState ? SmppReceiptText.FinalState(messageState)
            : null;
        List<string> ids = [];
        if (deliver.ReceiptedMessageId is { Length: > 0 } receipted)
        {
            ids.Add(receipted); // the TLV usually repeats submit_sm_resp's form exactly: most certain first
        }
        if (parsed is not null)
        {
            ids.Add(parsed.Id);
        }
        if (ids.Count == 0 || (parsed is null && deliver.MessageState is null))
        {
            Log.ReceiptUnreadable(_logger, text);
            return;
        }
        if (state is null)
        {
            return; // ENROUTE, ACCEPTD: not final, the store keeps final receipts only
        }
        if (_tracker.Resolve(ids, state.Value) is { } resolved)
        {
            var receipt = new ProviderReceipt(Name, resolved.ProviderMessageId, resolved.State, _time.GetUtcNow(), text);
            await _receipts.RecordAsync([receipt], cancellationToken).ConfigureAwait(false);
        }
    }
}
