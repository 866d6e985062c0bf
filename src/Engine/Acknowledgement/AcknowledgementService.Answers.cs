using System.Globalization;
using System.Text;
using Warning.Engine.Audience;
using Warning.Engine.Channels;

namespace Warning.Engine.Acknowledgement;

public sealed partial class AcknowledgementService
{
    /// <summary>
    /// An SMS reply: "1" (or 收到 / 确认) answers every request its sender was asked about; a reply carrying a request's
    /// code answers that one. Returns how many requests it answered.
    /// </summary>
    public async Task<int> AnswerBySmsAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.Channel, AudienceChannels.Sms, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        var text = Normalize(message.Text);
        var matches = await store.FindPendingAcknowledgementsByAddressAsync(message.Channel, AddressHash(message.From), cancellationToken)
            .ConfigureAwait(false);
        var chosen = text is "1" or "收到" or "确认"
            ? matches
            : [.. matches.Where(m => text.Contains(m.Request.Code, StringComparison.Ordinal))];
        if (chosen.Count == 0)
        {
            Log.ReplyUnmatched(_logger, message.Channel);
            return 0;
        }
        var answered = 0;
        foreach (var match in chosen.DistinctBy(m => m.Request.RequestId))
        {
            if (await AnswerAsync(match.Request, match.PersonId, AcknowledgementTexts.AnswerChannelSms, match.PersonId, cancellationToken)
                .ConfigureAwait(false))
            {
                answered++;
            }
        }
        return answered;
    }

    /// <summary>Opens a link: the request and the person it was sent to, or null for a token nobody was sent.</summary>
    public Task<AcknowledgementMatch?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 64
            ? Task.FromResult<AcknowledgementMatch?>(null)
            : store.FindAcknowledgementByTokenAsync(token, cancellationToken);

    /// <summary>The confirm button behind a link. False for an unknown token or a request no longer pending.</summary>
    public async Task<bool> AnswerByLinkAsync(string token, CancellationToken cancellationToken)
    {
        var match = await FindByTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return match is not null && await AnswerAsync(match.Request, match.PersonId, AcknowledgementTexts.AnswerChannelLink,
            match.PersonId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The console button: a duty officer records that the official confirmed (by phone, in person). The answer is
    /// the official's; the action log names the console user who recorded it.
    /// </summary>
    public async Task<bool> AnswerInConsoleAsync(string requestId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var request = await store.GetAcknowledgementRequestAsync(requestId, cancellationToken).ConfigureAwait(false);
        return request is not null && await AnswerAsync(request, request.PersonId, AcknowledgementTexts.AnswerChannelConsole,
            userId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AnswerAsync(AcknowledgementRequest request, string personId, string channel, string actor,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!await store.TryAnswerAcknowledgementAsync(request.RequestId, personId, channel, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await audit.RecordAcknowledgementAsync(request.VersionId, personId, channel, now, cancellationToken).ConfigureAwait(false);
        var seconds = (now - request.CreatedAt).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        await LogAsync(actor, "ack-answer", request.ThreadId, request.VersionId,
            $"request={request.RequestId}; official={request.PersonId}; by={personId}; channel={channel}; step={request.Step}; seconds={seconds}",
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Full-width digits and spaces as a phone keyboard may send them: "１ " reads as "1".</summary>
    private static string Normalize(string text) => new([.. text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))]);
}
