using System.Security.Cryptography;
using Dapper;
using Warning.Engine.Acknowledgement;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore : IAcknowledgementStore
{
    private const string RequestColumns =
        "r.request_id AS RequestId, r.thread_id AS ThreadId, r.version_id AS VersionId, r.area_code AS AreaCode, " +
        "r.person_id AS PersonId, r.code AS Code, r.headline AS Headline, r.drill AS Drill, r.created_at_ms AS CreatedAtMs, " +
        "r.step AS Step, r.state AS State, r.due_at_ms AS DueAtMs, r.answered_by AS AnsweredBy, " +
        "r.answer_channel AS AnswerChannel, r.answered_at_ms AS AnsweredAtMs";

    private const int DetailLimit = 400;

    public async Task AddAcknowledgementRequestsAsync(IReadOnlyList<AcknowledgementRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return;
        }
        await ExecuteInTransactionAsync(
            "INSERT INTO ack_requests (request_id, thread_id, version_id, area_code, person_id, code, headline, drill, created_at_ms, " +
            "step, state, due_at_ms, answered_by, answer_channel, answered_at_ms) VALUES (@RequestId, @ThreadId, @VersionId, @AreaCode, " +
            "@PersonId, @Code, @Headline, @Drill, @CreatedAtMs, @Step, @State, @DueAtMs, @AnsweredBy, @AnswerChannel, @AnsweredAtMs)",
            requests.Select(RequestRow.From), cancellationToken).ConfigureAwait(false);
    }

    public async Task AddAcknowledgementContactsAsync(IReadOnlyList<AcknowledgementContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.Count == 0)
        {
            return;
        }
        await ExecuteInTransactionAsync(
            "INSERT INTO ack_contacts (contact_id, request_id, person_id, channel, address_hash, step, at_ms, status, token, detail) " +
            "VALUES (@ContactId, @RequestId, @PersonId, @Channel, @AddressHash, @Step, @AtMs, @Status, @Token, @Detail)",
            contacts.Select(c => new
            {
                ContactId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
                c.RequestId,
                c.PersonId,
                c.Channel,
                c.AddressHash,
                Step = (int)c.Step,
                AtMs = c.At.ToUnixTimeMilliseconds(),
                c.Status,
                c.Token,
                Detail = c.Detail is { Length: > DetailLimit } d ? d[..DetailLimit] : c.Detail,
            }), cancellationToken).ConfigureAwait(false);
    }

    public async Task<AcknowledgementRequest?> GetAcknowledgementRequestAsync(string requestId, CancellationToken cancellationToken) =>
        (await QueryAsync<RequestRow>($"SELECT {RequestColumns} FROM ack_requests r WHERE r.request_id = @requestId",
            new { requestId }, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.ToRecord();

    public async Task<AcknowledgementMatch?> FindAcknowledgementByTokenAsync(string token, CancellationToken cancellationToken) =>
        (await QueryAsync<MatchRow>(
            $"SELECT {RequestColumns}, c.person_id AS ContactPersonId FROM ack_contacts c " +
            "JOIN ack_requests r ON r.request_id = c.request_id WHERE c.token = @token", new { token }, cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault()?.ToMatch();

    public async Task<IReadOnlyList<AcknowledgementRequest>> ListAcknowledgementRequestsAsync(string versionId,
        CancellationToken cancellationToken) =>
        [.. (await QueryAsync<RequestRow>($"SELECT {RequestColumns} FROM ack_requests r WHERE r.version_id = @versionId " +
            "ORDER BY r.area_code, r.request_id", new { versionId }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToRecord())];

    public async Task<IReadOnlyList<AcknowledgementRequest>> ListPendingAcknowledgementRequestsAsync(CancellationToken cancellationToken) =>
        [.. (await QueryAsync<RequestRow>($"SELECT {RequestColumns} FROM ack_requests r WHERE r.state = 0 ORDER BY r.due_at_ms",
            null, cancellationToken).ConfigureAwait(false)).Select(r => r.ToRecord())];

    public async Task<IReadOnlyList<AcknowledgementRequest>> ListPendingAcknowledgementRequestsOfThreadAsync(string threadId,
        string exceptVersionId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<RequestRow>($"SELECT {RequestColumns} FROM ack_requests r WHERE r.thread_id = @threadId AND r.state = 0 " +
            "AND r.version_id <> @exceptVersionId ORDER BY r.request_id", new { threadId, exceptVersionId }, cancellationToken)
            .ConfigureAwait(false)).Select(r => r.ToRecord())];

    public async Task<IReadOnlyList<AcknowledgementMatch>> FindPendingAcknowledgementsByAddressAsync(string channel, string addressHash,
        CancellationToken cancellationToken) =>
        [.. (await QueryAsync<MatchRow>(
            $"SELECT {RequestColumns}, c.person_id AS ContactPersonId FROM ack_contacts c " +
            "JOIN ack_requests r ON r.request_id = c.request_id " +
            "WHERE c.channel = @channel AND c.address_hash = @addressHash AND r.state = 0 ORDER BY r.created_at_ms, r.request_id",
            new { channel, addressHash }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToMatch())];

    public async Task<IReadOnlyList<AcknowledgementContact>> ListAcknowledgementContactsAsync(string versionId,
        CancellationToken cancellationToken) =>
        [.. (await QueryAsync<ContactRow>(
            "SELECT c.request_id AS RequestId, c.person_id AS PersonId, c.channel AS Channel, c.address_hash AS AddressHash, " +
            "c.step AS Step, c.at_ms AS AtMs, c.status AS Status, c.token AS Token, c.detail AS Detail FROM ack_contacts c " +
            "JOIN ack_requests r ON r.request_id = c.request_id WHERE r.version_id = @versionId " +
            "ORDER BY c.at_ms, c.step, c.person_id, c.channel", new { versionId }, cancellationToken).ConfigureAwait(false))
            .Select(c => c.ToRecord())];

    public Task<bool> TryAnswerAcknowledgementAsync(string requestId, string answeredBy, string channel, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        ChangedAsync("UPDATE ack_requests SET state = 1, answered_by = @answeredBy, answer_channel = @channel, answered_at_ms = @atMs " +
            "WHERE request_id = @requestId AND state = 0",
            new { requestId, answeredBy, channel, atMs = at.ToUnixTimeMilliseconds() }, cancellationToken);

    public Task<bool> TryAdvanceAcknowledgementAsync(string requestId, EscalationStep from, EscalationStep to, DateTimeOffset dueAt,
        CancellationToken cancellationToken) =>
        ChangedAsync("UPDATE ack_requests SET step = @to, due_at_ms = @dueAtMs WHERE request_id = @requestId AND state = 0 AND step = @from",
            new { requestId, from = (int)from, to = (int)to, dueAtMs = dueAt.ToUnixTimeMilliseconds() }, cancellationToken);

    public Task<bool> TryEndAcknowledgementAsync(string requestId, AcknowledgementState state, CancellationToken cancellationToken)
    {
        if (state is not (AcknowledgementState.Unanswered or AcknowledgementState.Closed))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Only Unanswered or Closed end a request this way.");
        }
        return ChangedAsync("UPDATE ack_requests SET state = @state WHERE request_id = @requestId AND state = 0",
            new { requestId, state = (int)state }, cancellationToken);
    }

    private async Task<bool> ChangedAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteAsync(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false) == 1;
        }
    }

    private async Task ExecuteInTransactionAsync(string sql, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(Command(sql, rows.ToList(), transaction, cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private class RequestRow
    {
        public string RequestId { get; set; } = "";
        public string ThreadId { get; set; } = "";
        public string VersionId { get; set; } = "";
        public string AreaCode { get; set; } = "";
        public string PersonId { get; set; } = "";
        public string Code { get; set; } = "";
        public string Headline { get; set; } = "";
        public long Drill { get; set; }
        public long CreatedAtMs { get; set; }
        public long Step { get; set; }
        public long State { get; set; }
        public long DueAtMs { get; set; }
        public string? AnsweredBy { get; set; }
        public string? AnswerChannel { get; set; }
        public long? AnsweredAtMs { get; set; }

        public static RequestRow From(AcknowledgementRequest r) => new()
        {
            RequestId = r.RequestId,
            ThreadId = r.ThreadId,
            VersionId = r.VersionId,
            AreaCode = r.AreaCode,
            PersonId = r.PersonId,
            Code = r.Code,
            Headline = r.Headline.Length > DetailLimit ? r.Headline[..DetailLimit] : r.Headline,
            Drill = r.Drill ? 1 : 0,
            CreatedAtMs = r.CreatedAt.ToUnixTimeMilliseconds(),
            Step = (int)r.Step,
            State = (int)r.State,
            DueAtMs = r.DueAt.ToUnixTimeMilliseconds(),
            AnsweredBy = r.AnsweredBy,
            AnswerChannel = r.AnswerChannel,
            AnsweredAtMs = r.AnsweredAt?.ToUnixTimeMilliseconds(),
        };

        public AcknowledgementRequest ToRecord() => new(RequestId, ThreadId, VersionId, AreaCode, PersonId, Code, Headline, Drill != 0,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs))
        {
            Step = (EscalationStep)Step,
            State = (AcknowledgementState)State,
            DueAt = DateTimeOffset.FromUnixTimeMilliseconds(DueAtMs),
            AnsweredBy = AnsweredBy,
            AnswerChannel = AnswerChannel,
            AnsweredAt = AnsweredAtMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
        };
    }

    private sealed class MatchRow : RequestRow
    {
        public string ContactPersonId { get; set; } = "";

        public AcknowledgementMatch ToMatch() => new(ToRecord(), ContactPersonId);
    }

    private sealed class ContactRow
    {
        public string RequestId { get; set; } = "";
        public string PersonId { get; set; } = "";
        public string Channel { get; set; } = "";
        public string AddressHash { get; set; } = "";
        public long Step { get; set; }
        public long AtMs { get; set; }
        public string Status { get; set; } = "";
        public string? Token { get; set; }
        public string? Detail { get; set; }

        public AcknowledgementContact ToRecord() => new(RequestId, PersonId, Channel, AddressHash, (EscalationStep)Step,
            DateTimeOffset.FromUnixTimeMilliseconds(AtMs), Status, Token, Detail);
    }
}
