using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Channels.Smpp.Codec;
using Warning.Channels.Smpp.Receipts;
using Warning.Engine.Channels;

namespace Warning.Channels.Smpp;

/// <summary>
/// The SMS channel ("sms") over SMPP 3.4 to an SMSC, on one bind_transceiver kept by <see cref="SmppClient"/>.
/// Each recipient gets the text as one submit_sm, or as concatenated parts sent in order; the batch's recipients
/// share the window. Results: accepted → Sent (the first part's message_id), throttled → TransientFailure marked
/// <see cref="DeliveryResult.IsThrottled"/>, no answer → Unknown (the SMSC may have it: never Failed, so it is not
/// resent blindly), not bound → TransientFailure marked <see cref="DeliveryResult.IsUnreachable"/> at once. Receipts go to the <see cref="IProviderReceiptSink"/>,
/// replies to the <see cref="IInboundMessageSink"/>.
/// It never retries, sleeps or throttles: the engine does, around it.
/// </summary>
public sealed partial class SmppChannelAdapter : IChannelAdapter, IAsyncDisposable
{
    private readonly SmppChannelOptions _options;
    private readonly IProviderReceiptSink _receipts;
    private readonly IInboundMessageSink _inbound;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SmppClient _client;
    private readonly SmppReceiptTracker _tracker;

    public SmppChannelAdapter(SmppChannelOptions options, IProviderReceiptSink receipts, IInboundMessageSink inbound,
        TimeProvider timeProvider, ILogger<SmppChannelAdapter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        (_options, _receipts, _inbound, _time) = (options, receipts, inbound, timeProvider);
        _logger = logger ?? NullLogger<SmppChannelAdapter>.Instance;
        _tracker = new SmppReceiptTracker(options.ReceiptTrackingCapacity);
        _client = new SmppClient(options, timeProvider, _logger, OnDeliverAsync);
        Capabilities = new ChannelCapabilities
        {
            MaxBatchSize = options.MaxBatchSize,
            MaxTextLength = options.MaxSegments == 1 ? SmsDataCoding.Ucs2Single : options.MaxSegments * SmsDataCoding.Ucs2PerPart,
            SupportsDeliveryReceipts = options.RequestDeliveryReceipts,
        };
    }

    public string Name => ChannelNames.Sms;

    public ChannelCapabilities Capabilities { get; }

    /// <summary>Binds now rather than at the first send, so receipts and replies flow from the start.</summary>
    public void Start() => _client.Start();

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var recipients = batch.Recipients;
        var parts = SmsSplitter.Split(batch.Content.Text, _options.UseGsmAlphabet, _options.MaxSegments);
        if (parts is null)
        {
            return Uniform(recipients, r => DeliveryResult.Rejected(r, $"text needs more than {_options.MaxSegments} short messages"));
        }
        var session = await _client.GetSessionAsync(cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return Uniform(recipients, r => DeliveryResult.Unreachable(r, "SMSC not bound; binding again"));
        }
        var sends = new Task<DeliveryResult>[recipients.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = SendOneAsync(session, batch.Content, recipients[i], parts, cancellationToken);
        }
        return await Task.WhenAll(sends).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <summary>Whether a bind is up right now (tests, health checks).</summary>
    internal bool IsBound => _client.IsBound;

    private async Task<DeliveryResult> SendOneAsync(SmppSession session, DeliveryContent content, DeliveryRecipient recipient,
        SmsPart[] parts, CancellationToken cancellationToken)
    {
        if (!IsSmppAddress(recipient.Address))
        {
            return DeliveryResult.Rejected(recipient.Recipient, "address is not 1–20 printable ASCII characters");
        }
        var submit = new SmppSubmitRequest(_options.ServiceType, _options.SourceTon, _options.SourceNpi, _options.SourceAddress,
            _options.DestinationTon, _options.DestinationNpi, recipient.Address, EsmClass: 0,
            RegisteredDelivery: _options.RequestDeliveryReceipts ? (byte)1 : (byte)0,
            ValidUntil: content.Expires > _time.GetUtcNow() ? content.Expires : null);
        var reference = ConcatenationReference(content.VersionId, recipient.Recipient);
        TrackedMessage? tracked = null;
        string? providerId = null;
        for (var k = 0; k < parts.Length; k++)
        {
            var part = k;
            Action<string>? onAccepted = !_options.RequestDeliveryReceipts ? null
                : part == 0 ? id => tracked = _tracker.Begin(id, parts.Length)
                : id => _tracker.Add(tracked!, part, id);
            var response = await session.SubmitAsync(submit, parts[k], reference, onAccepted, cancellationToken).ConfigureAwait(false);
            if (!response.IsOk)
            {
                return ResultOf(recipient.Recipient, response, k, parts.Length, _options.ThrottlePause);
            }
            providerId ??= response.Id;
        }
        return DeliveryResult.Sent(recipient.Recipient, providerId);
    }

    internal static DeliveryResult ResultOf(int recipient, SmppResponse response, int part, int parts, TimeSpan throttlePause)
    {
        var where = parts > 1 ? $"part {part + 1}/{parts}: " : string.Empty;
        return response.Outcome switch
        {
            SmppOutcome.NotSent => DeliveryResult.Unreachable(recipient, where + response.Detail),
            SmppOutcome.NoAnswer => DeliveryResult.Unknown(recipient, where + response.Detail),
            _ when SmppStatus.IsThrottling(response.Status) => DeliveryResult.Throttled(recipient, where + "SMSC throttled: " + SmppStatus.Format(response.Status), throttlePause),
            _ when SmppStatus.IsTransient(response.Status) => DeliveryResult.Transient(recipient, where + SmppStatus.Format(response.Status)),
            _ when SmppStatus.IsRecipientRejected(response.Status) => DeliveryResult.Rejected(recipient, where + SmppStatus.Format(response.Status)),
            _ => DeliveryResult.Failed(recipient, where + SmppStatus.Format(response.Status)),
        };
    }

    /// <summary>
    /// The UDH reference of one recipient's message: derived from version and recipient, not random, so the parts of
    /// a resend carry the reference of the first try and the handset merges them instead of showing two broken texts.
    /// </summary>
    internal static byte ConcatenationReference(string versionId, int recipient)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var c in versionId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        hash = (hash ^ (uint)recipient) * 16777619u;
        return (byte)(hash ^ (hash >> 8) ^ (hash >> 16) ^ (hash >> 24));
    }

    private static bool IsSmppAddress(string address) =>
        address is { Length: > 0 and <= 20 } && address.All(c => c is >= (char)0x21 and <= (char)0x7E);

    private static DeliveryResult[] Uniform(IReadOnlyList<DeliveryRecipient> recipients, Func<int, DeliveryResult> result)
    {
        var results = new DeliveryResult[recipients.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = result(recipients[i].Recipient);
        }
        return results;
    }
}
