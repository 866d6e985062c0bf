using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto;
using Warning.Engine.Channels;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// Hands warnings to the district emergency-broadcast platform as signed GY/T 384 packages carrying a GY/T 385 EBM.
/// </summary>
/// <remarks>
/// A recipient is one <b>area group</b>: a directory entry on this channel whose address is the GB/T 2260 code (or
/// comma-separated codes) of the area whose terminals should sound. The platform, not we, drives the loudspeakers,
/// FM and cable systems of an area, so "one person" makes no sense here; one EBM per area group gives each group
/// its own result and its own EBMID, which a later Cancel names. Each recipient of a batch is a separate package and
/// POST, sent one after the other (no fan-out inside the adapter).
/// The platform's EBDResponse says it received and checked the message for that area: that is this channel's
/// delivery. Broadcast progress (EBMStateResponse) would be a later receipt and is not tracked yet.
/// </remarks>
public sealed class BroadcastPlatformChannelAdapter : IChannelAdapter
{
    private readonly BroadcastPlatformClient _client;
    private readonly BroadcastPlatformChannelOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly EbdSigner _signer;
    private readonly AsymmetricKeyParameter? _platformKey;
    private readonly Uri _platformUrl;

    public BroadcastPlatformChannelAdapter(BroadcastPlatformClient client, IOptions<BroadcastPlatformChannelOptions> options,
        TimeProvider timeProvider, ILogger<BroadcastPlatformChannelAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _signer = new EbdSigner(_options.PrivateKeyPem, _options.SignerId);
        _platformKey = _options.PlatformPublicKeyPem is { Length: > 0 } pem ? EbdSigner.ReadPublicKey(pem) : null;
        _platformUrl = new Uri(_options.PlatformUrl, UriKind.Absolute);
        Capabilities = new ChannelCapabilities
        {
            MaxBatchSize = _options.MaxBatchSize,
            MaxTextLength = _options.MaxTextLength,
            SupportsAreaTargeting = true,
        };
    }

    public string Name => ChannelNames.BroadcastPlatform;

    public ChannelCapabilities Capabilities { get; }

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new DeliveryResult[batch.Recipients.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = await SendOneAsync(batch.Content, batch.Recipients[i], cancellationToken).ConfigureAwait(false);
        }
        return results;
    }

    private async Task<DeliveryResult> SendOneAsync(DeliveryContent content, DeliveryRecipient recipient, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (content.Text.Length > _options.MaxTextLength)
        {
            return DeliveryResult.Rejected(recipient.Recipient, $"text longer than {_options.MaxTextLength} characters");
        }
        if (EbmComposer.ParseAreaGroup(recipient.Address) is not { } areaCodes)
        {
            return DeliveryResult.Rejected(recipient.Recipient, $"'{recipient.Address}' is not a list of GB/T 2260 area codes");
        }
        var now = _timeProvider.GetUtcNow();
        var ebm = EbmComposer.Compose(content, areaCodes, recipient.Address, _options, now);
        var xml = EbdWriter.WriteEbm(ebm);
        var signature = EbdWriter.WriteSignature(ebm.EbdId, _options.CertificateSerial, _signer.Sign(xml));
        var package = EbdPackage.Pack(
            [(EbdWriter.EbdFileName(ebm.EbdId), xml), (EbdWriter.SignatureFileName(ebm.EbdId), signature)], now);
        var reply = await _client.PostAsync(_platformUrl, EbdWriter.PackageFileName(ebm.EbdId), package,
            _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return Interpret(reply, ebm, recipient.Recipient);
    }

    private DeliveryResult Interpret(PlatformReply reply, EbmFields ebm, int recipient)
    {
        if (!reply.Answered)
        {
            _logger.PlatformNoAnswer(ebm.EbdId, reply.NoAnswer!);
            return DeliveryResult.Transient(recipient, reply.NoAnswer!);
        }
        if (reply.StatusCode is >= 500 or 408 or 429)
        {
            _logger.PlatformNoAnswer(ebm.EbdId, $"HTTP {reply.StatusCode}");
            return DeliveryResult.Transient(recipient, $"platform answered HTTP {reply.StatusCode}");
        }
        if (reply.StatusCode is < 200 or >= 300)
        {
            _logger.PlatformRefused(ebm.EbdId, ebm.EbmId, reply.StatusCode, "HTTP status");
            return DeliveryResult.Rejected(recipient, $"platform answered HTTP {reply.StatusCode}");
        }
        var response = EbdResponseReader.TryRead(reply.Body, _platformKey, _options.SignerId, out var problem);
        if (response is null || (response.RelatedEbdId is { } related && related != ebm.EbdId))
        {
            // It took the POST but we cannot tell what it made of it: it may be broadcasting, so never "failed".
            problem ??= $"the answer is for EBD {response!.RelatedEbdId}, not {ebm.EbdId}";
            _logger.PlatformNoAnswer(ebm.EbdId, problem);
            return DeliveryResult.Unknown(recipient, problem);
        }
        switch (response.ResultCode)
        {
            case 1:
                _logger.PlatformAccepted(ebm.EbdId, ebm.EbmId, response.ResultCode);
                return DeliveryResult.Delivered(recipient, ebm.EbmId);
            case 0:
                _logger.PlatformAccepted(ebm.EbdId, ebm.EbmId, response.ResultCode);
                return DeliveryResult.Sent(recipient, ebm.EbmId);
            default:
                // 2 parse failed, 3 data missing, 4 signature failed, 5 other: sending the same package again
                // would earn the same answer, and each retry is a new broadcast request; an operator reads the reason.
                _logger.PlatformRefused(ebm.EbdId, ebm.EbmId, response.ResultCode, response.ResultDesc);
                return DeliveryResult.Rejected(recipient, $"platform result {response.ResultCode}: {response.ResultDesc}");
        }
    }
}
