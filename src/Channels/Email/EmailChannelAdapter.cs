using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Warning.Engine.Channels;

namespace Warning.Channels.Email;

/// <summary>
/// E-mail over SMTP (MailKit): one connection per batch, one message per recipient, so each recipient gets its
/// own result and no one sees the others' addresses. A refused RCPT (5xx) is Rejected, a 4xx is transient; a
/// connection that cannot be made or breaks leaves every unsent recipient transient.
/// </summary>
public sealed class EmailChannelAdapter(IOptions<EmailChannelOptions> options, ILogger<EmailChannelAdapter> logger) : IChannelAdapter
{
    private readonly EmailChannelOptions _options = options.Value;

    public string Name => _options.Name;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxBatchSize = options.Value.MaxBatchSize,
        MaxTextLength = options.Value.MaxTextLength,
    };

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var recipients = batch.Recipients;
        var results = new DeliveryResult[recipients.Count];
        var factory = new EmailMessageFactory(_options, batch.Content);
        using var smtp = new SmtpClient { Timeout = (int)_options.CommandTimeout.TotalMilliseconds };
        var next = 0;
        try
        {
            await ConnectAsync(smtp, cancellationToken).ConfigureAwait(false);
            for (; next < results.Length; next++)
            {
                var (recipient, address) = recipients[next];
                results[next] = MailboxAddress.TryParse(address, out var mailbox)
                    ? await SendOneAsync(smtp, factory.Create(mailbox, recipient), recipient, cancellationToken).ConfigureAwait(false)
                    : DeliveryResult.Rejected(recipient, "not an e-mail address");
            }
            await smtp.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            Log.ConnectionFailed(logger, Name, _options.Host, _options.Port, e.Message, results.Length - next);
            // A message cut off mid-send may or may not have been taken; its stable Message-Id lets a resend be spotted.
            for (; next < results.Length; next++)
            {
                results[next] = DeliveryResult.Transient(recipients[next].Recipient, $"SMTP connection: {e.Message}");
            }
        }
        return results;
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken cancellationToken)
    {
        await smtp.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await smtp.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DeliveryResult> SendOneAsync(SmtpClient smtp, MimeMessage message, int recipient, CancellationToken cancellationToken)
    {
        try
        {
            await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return DeliveryResult.Sent(recipient, message.MessageId);
        }
        catch (SmtpCommandException e)
        {
            // MailKit resets the transaction after a refused command, so the connection serves the next recipient.
            var status = (int)e.StatusCode;
            Log.RecipientRefused(logger, Name, status, e.Message);
            var detail = $"SMTP {status}: {e.Message}";
            return status >= 500 && e.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? DeliveryResult.Rejected(recipient, detail)
                : status >= 500 ? DeliveryResult.Failed(recipient, detail)
                : DeliveryResult.Transient(recipient, detail);
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is SocketException or IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or OperationCanceledException
        || e is SmtpCommandException { ErrorCode: SmtpErrorCode.UnexpectedStatusCode };
}
