using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// The district emergency-broadcast (应急广播) platform we hand EBM packages to, and who we are to it.
/// Resource ids (EBRID) and the SM2 key are issued by the platform's operator; the key comes only from a
/// configuration provider (environment, secret store), never from config/*.json.
/// </summary>
public sealed class BroadcastPlatformChannelOptions
{
    public const string SectionName = "Warning:Channels:BroadcastPlatform";

    /// <summary>The platform's EBD receiving URL (HTTP POST, multipart/form-data). Required.</summary>
    [Required, Url]
    public string PlatformUrl { get; set; } = string.Empty;

    /// <summary>Our resource id (EBRID) as the emergency-information source, digits only. Required.</summary>
    [Required, RegularExpression("^[0-9]{1,30}$")]
    public string SourceEbrId { get; set; } = string.Empty;

    /// <summary>The platform's resource id (EBRID), digits only. Required.</summary>
    [Required, RegularExpression("^[0-9]{1,30}$")]
    public string DestinationEbrId { get; set; } = string.Empty;

    /// <summary>Where the platform may send feedback to us (EBD <c>SRC/URL</c>). Default: none.</summary>
    [Url]
    public string? SourceUrl { get; set; }

    /// <summary>The issuing department's name (<c>SenderName</c>) when the version does not say. Required.</summary>
    [Required]
    public string SenderName { get; set; } = string.Empty;

    /// <summary>The issuing department's code (<c>SenderCode</c>) when the version has no 12379 sender code. Required.</summary>
    [Required]
    public string SenderCode { get; set; } = string.Empty;

    /// <summary>Our SM2 private key, PEM (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY"). Required; a secret.</summary>
    [Required]
    public string PrivateKeyPem { get; set; } = string.Empty;

    /// <summary>
    /// A file holding <see cref="PrivateKeyPem"/>, read at start when the PEM itself is not set (a mounted secret;
    /// the peers profile points it at the key scripts/peers.sh generates); a relative path is also looked for in the
    /// working directory's parents. A missing file leaves the key unset.
    /// </summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Serial number of our certificate in the EB PKI, written as <c>CertSN</c>. Required.</summary>
    [Required]
    public string CertificateSerial { get; set; } = string.Empty;

    /// <summary>SM2 distinguishing identifier (GB/T 32918 user id, ZA input). Default: 1234567812345678.</summary>
    [Required]
    public string SignerId { get; set; } = BroadcastPlatformConstants.DefaultSignerId;

    /// <summary>
    /// The platform's SM2 public key, PEM. When set, an answer packed with a signature must verify with it, or it
    /// counts as no answer. Default: none (answers are read without checking their signature).
    /// </summary>
    public string? PlatformPublicKeyPem { get; set; }

    /// <summary>Broadcast window when the version has no expiry. Default: 2 hours.</summary>
    public TimeSpan DefaultBroadcastDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Area groups per adapter call; each gets its own package. Default: 10.</summary>
    [Range(1, 100)]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Longest text read out (<c>MsgDesc</c>). Default: 2000 characters.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>One POST's time limit; a timeout is a transient failure. Default: 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

[OptionsValidator]
internal sealed partial class BroadcastPlatformChannelOptionsValidator : IValidateOptions<BroadcastPlatformChannelOptions>
{
}
