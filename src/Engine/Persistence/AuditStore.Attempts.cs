using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    private static readonly string[] AttemptKeys = ["version_id", "recipient_id", "channel", "attempt"];
    private static readonly string[] AttemptColumns = [.. AttemptKeys, "at_ms", "outcome", "detail"];

    public async Task RecordAttemptsAsync(IReadOnlyList<DeliveryAttempt> attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (attempts.Count == 0)
        {
            return;
        }

        // An attempt is recorded once; a replayed one (a shard re-run) changes nothing.
        var sql = SaveSql("delivery_attempts", AttemptKeys, AttemptColumns, update: false);
        var rows = attempts.Select(a => new DynamicParameters(new Dictionary<string, object?>
        {
            ["version_id"] = a.VersionId,
            ["recipient_id"] = a.RecipientId,
            ["channel"] = a.Channel,
            ["attempt"] = a.Attempt,
            ["at_ms"] = a.At.ToUnixTimeMilliseconds(),
            ["outcome"] = a.Outcome,
            ["detail"] = a.Detail,
        }));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(Command(sql, rows, transaction, cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(
        string versionId, string recipientId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<AttemptRow>(Command(
                "SELECT version_id AS VersionId, recipient_id AS RecipientId, channel AS Channel, attempt AS Attempt, " +
                "at_ms AS AtMs, outcome AS Outcome, detail AS Detail FROM delivery_attempts " +
                "WHERE version_id = @VersionId AND recipient_id = @RecipientId ORDER BY channel, attempt",
                new { VersionId = versionId, RecipientId = recipientId }, null, cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => new DeliveryAttempt(
                r.VersionId, r.RecipientId, r.Channel, (int)r.Attempt, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs), r.Outcome, r.Detail))
                .ToList();
        }
    }

    private sealed class AttemptRow
    {
        public string VersionId { get; set; } = "";

        public string RecipientId { get; set; } = "";

        public string Channel { get; set; } = "";

        public long Attempt { get; set; }

        public long AtMs { get; set; }

        public string Outcome { get; set; } = "";

        public string? Detail { get; set; }
    }
}
