using System.ComponentModel.DataAnnotations;

namespace Warning.Channels.Smpp;

/// <summary>
/// The SMSC account of the SMS channel over SMPP 3.4. The password comes from a configuration provider
/// (environment, secret store), never from config/*.json.
/// </summary>
public sealed class SmppChannelOptions
{
    public const string SectionName = "Warning:Channels:Sms";

    /// <summary>SMSC host name or address.</summary>
    [Required]
    public string Host { get; set; } = string.Empty;

    /// <summary>SMSC port. Default: 2775.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 2775;

    /// <summary>system_id of the bind (at most 15 characters).</summary>
    [Required]
    [StringLength(15, MinimumLength = 1)]
    public string SystemId { get; set; } = string.Empty;

    /// <summary>Password of the bind (at most 8 characters, as SMPP 3.4 allows).</summary>
    [StringLength(8)]
    public string Password { get; set; } = string.Empty;

    /// <summary>system_type of the bind, when the SMSC wants one. Default: empty.</summary>
    [StringLength(12)]
    public string SystemType { get; set; } = string.Empty;

    /// <summary>The sender address recipients see (a 106 number, a short code). </summary>
    [Required]
    [StringLength(20, MinimumLength = 1)]
    public string SourceAddress { get; set; } = string.Empty;

    /// <summary>Type of number of the source address: 0 unknown, 1 international, 5 alphanumeric. Default: 0.</summary>
    [Range(0, 6)]
    public byte SourceTon { get; set; }

    /// <summary>Numbering plan of the source address: 0 unknown, 1 ISDN (E.164). Default: 1.</summary>
    [Range(0, 18)]
    public byte SourceNpi { get; set; } = 1;

    /// <summary>Type of number of recipients' addresses. Default: 0 (unknown: national numbers as stored).</summary>
    [Range(0, 6)]
    public byte DestinationTon { get; set; }

    /// <summary>Numbering plan of recipients' addresses. Default: 1 (ISDN).</summary>
    [Range(0, 18)]
    public byte DestinationNpi { get; set; } = 1;

    /// <summary>service_type of submit_sm. Default: empty (the SMSC's default).</summary>
    [StringLength(5)]
    public string ServiceType { get; set; } = string.Empty;

    /// <summary>submit_sm requests outstanding at once on the bind, as the SMSC contract allows. Default: 10.</summary>
    [Range(1, 1000)]
    public int WindowSize { get; set; } = 10;

    /// <summary>Recipients in one adapter call. Default: 100.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Most short messages one text may take; a longer text is Rejected. Default: 10 (670 Chinese characters).</summary>
    [Range(1, 255)]
    public int MaxSegments { get; set; } = 10;

    /// <summary>How long a request waits for its response; an unanswered submit_sm is Unknown. Default: 10 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TCP connect time limit. Default: 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>enquire_link after this much silence from the SMSC; an unanswered one drops the bind. Default: 30 s.</summary>
    public TimeSpan EnquireLinkInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before binding again after a drop or a failed bind; doubled per failure. Default: 1 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between bind attempts. Default: 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The pause a throttled result asks for (<see cref="Engine.Channels.DeliveryResult.RetryAfter"/>): SMPP's
    /// ESME_RTHROTTLED and ESME_RMSGQFUL say "slower", not for how long. Default: 1 s.
    /// </summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Ask for a final delivery receipt on every segment. Default: true.</summary>
    public bool RequestDeliveryReceipts { get; set; } = true;

    /// <summary>Send text that fits the GSM 03.38 alphabet in it (160 per SMS) instead of UCS2 (70). Default: true.</summary>
    public bool UseGsmAlphabet { get; set; } = true;

    /// <summary>Submitted messages remembered for matching multi-part receipts. Default: 100 000.</summary>
    [Range(1, 10_000_000)]
    public int ReceiptTrackingCapacity { get; set; } = 100_000;

    /// <summary>Checks the attributes and the time spans; throws <see cref="ValidationException"/> on the first problem.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        foreach (var (name, value) in new[]
                 {
                     (nameof(ResponseTimeout), ResponseTimeout), (nameof(ConnectTimeout), ConnectTimeout),
                     (nameof(EnquireLinkInterval), EnquireLinkInterval), (nameof(ReconnectDelay), ReconnectDelay),
                     (nameof(MaxReconnectDelay), MaxReconnectDelay), (nameof(ThrottlePause), ThrottlePause),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ValidationException($"{SectionName}:{name} must be positive.");
            }
        }
    }
}
