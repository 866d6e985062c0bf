using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Warning.Channels.Email;

/// <summary>SMTP submission. The password comes only from a configuration provider, never config/*.json.</summary>
public sealed class EmailChannelOptions
{
    public const string SectionName = "Warning:Channels:Email";

    /// <summary>Channel key. Default: "email".</summary>
    [Required]
    public string Name { get; set; } = ChannelNames.Email;

    [Required]
    public string Host { get; set; } = "";

    /// <summary>Default: 587 (submission).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>TLS: StartTls for 587, SslOnConnect for 465. Default: StartTls.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>SMTP AUTH user; empty for a relay that needs none.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "";

    /// <summary>Display name of the sender. Default: "预警信息发布".</summary>
    [Required]
    public string FromName { get; set; } = "预警信息发布";

    /// <summary>Root of the public site with the /w/{identifier} detail pages; empty leaves the link out.</summary>
    [Url]
    public string? DetailBaseUrl { get; set; }

    /// <summary>Messages per SMTP connection (one adapter call). Default: 50.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>Longest warning text put in a body. Default: 20000.</summary>
    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 20_000;

    /// <summary>Timeout of each SMTP command. Default: 30 s.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

[OptionsValidator]
internal sealed partial class EmailChannelOptionsValidator : IValidateOptions<EmailChannelOptions>;
