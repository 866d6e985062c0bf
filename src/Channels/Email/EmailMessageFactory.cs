using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Warning.Engine.Channels;

namespace Warning.Channels.Email;

/// <summary>
/// One warning as a mail: subject "【红色预警】headline" (RFC 2047 encoded by MimeKit), a UTF-8 plain-text body
/// with the text, the key facts and the detail link. The Message-Id is derived from version and recipient, so a
/// resend carries the same id and mail systems can discard the duplicate.
/// </summary>
internal sealed class EmailMessageFactory(EmailChannelOptions options, DeliveryContent content)
{
    private readonly WarningSummary _summary = WarningSummary.From(
        content, string.IsNullOrEmpty(options.DetailBaseUrl) ? null : new Uri(options.DetailBaseUrl));

    private readonly string _body = Body(content, options);

    public MimeMessage Create(MailboxAddress to, int recipient)
    {
        var message = new MimeMessage
        {
            Subject = _summary.Title,
            MessageId = MessageId(content.VersionId, recipient, options.FromAddress),
            Body = new TextPart("plain") { Text = _body },
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(to);
        message.Headers.Add("X-Warning-Identifier", _summary.Identifier);
        return message;
    }

    private static string Body(DeliveryContent content, EmailChannelOptions options)
    {
        var summary = WarningSummary.From(content, string.IsNullOrEmpty(options.DetailBaseUrl) ? null : new Uri(options.DetailBaseUrl));
        var text = content.Text.Length > options.MaxTextLength ? content.Text[..options.MaxTextLength] + "…" : content.Text;
        var body = new StringBuilder()
            .AppendLine(summary.Title)
            .AppendLine()
            .AppendLine(text)
            .AppendLine()
            .AppendLine($"级别：{summary.Level}")
            .AppendLine($"事件：{summary.Event}");
        if (summary.Area is not null)
        {
            body.AppendLine($"区域：{summary.Area}");
        }
        if (summary.Time is not null)
        {
            body.AppendLine($"时间：{summary.Time}（北京时间）");
        }
        if (summary.DetailUrl is not null)
        {
            body.AppendLine($"详情：{summary.DetailUrl.AbsoluteUri}");
        }
        return body.ToString();
    }

    internal static string MessageId(string versionId, int recipient, string fromAddress)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(versionId)).AsSpan(0, 12));
        var domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        return $"warning.{hash}.{recipient}@{domain}";
    }
}
