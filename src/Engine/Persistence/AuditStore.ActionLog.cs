using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    private const string ActionLogColumns =
        "id AS Id, at_ms AS AtMs, actor AS Actor, action AS Action, target AS Target, details AS Details, " +
        "prev_hash AS PrevHash, hash AS Hash";

    /// <summary>Serialises appends across processes inside the transaction; empty where the transaction does it.</summary>
    private protected abstract string LockActionLogSql { get; }

    public async Task<ActionLogEntry> AppendActionAsync(
        string actor, string action, string target, string? details, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(target);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (LockActionLogSql.Length > 0)
                {
                    await connection.ExecuteAsync(Command(LockActionLogSql, null, transaction, cancellationToken)).ConfigureAwait(false);
                }

                var last = await connection.QuerySingleOrDefaultAsync<ActionLogRow>(Command(
                    $"SELECT {ActionLogColumns} FROM action_log WHERE id = (SELECT MAX(id) FROM action_log)",
                    null, transaction, cancellationToken)).ConfigureAwait(false);
                var row = new ActionLogRow
                {
                    Id = (last?.Id ?? 0) + 1,
                    AtMs = at.ToUnixTimeMilliseconds(),
                    Actor = actor,
                    Action = action,
                    Target = target,
                    Details = details,
                    PrevHash = last?.Hash ?? ActionLogHash.Genesis,
                };
                row.Hash = ActionLogHash.Compute(row.PrevHash, row.Id, row.AtMs, actor, action, target, details);
                await connection.ExecuteAsync(Command(
                    "INSERT INTO action_log (id, at_ms, actor, action, target, details, prev_hash, hash) " +
                    "VALUES (@Id, @AtMs, @Actor, @Action, @Target, @Details, @PrevHash, @Hash)",
                    row, transaction, cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return row.ToEntry();
            }
        }
    }

    public async Task<long?> VerifyActionLogAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var expectedPrev = ActionLogHash.Genesis;
            var rows = connection.QueryUnbufferedAsync<ActionLogRow>($"SELECT {ActionLogColumns} FROM action_log ORDER BY id");
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var hash = ActionLogHash.Compute(expectedPrev, row.Id, row.AtMs, row.Actor, row.Action, row.Target, row.Details);
                if (!string.Equals(row.PrevHash, expectedPrev, StringComparison.Ordinal) ||
                    !string.Equals(row.Hash, hash, StringComparison.Ordinal))
                {
                    return row.Id;
                }

                expectedPrev = row.Hash;
            }

            return null;
        }
    }

    public async Task<IReadOnlyList<ActionLogEntry>> GetActionLogAsync(long afterId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<ActionLogRow>(Command(
                $"SELECT {ActionLogColumns} FROM action_log WHERE id > @AfterId ORDER BY id",
                new { AfterId = afterId }, null, cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => r.ToEntry()).ToList();
        }
    }

    private sealed class ActionLogRow
    {
        public long Id { get; set; }

        public long AtMs { get; set; }

        public string Actor { get; set; } = "";

        public string Action { get; set; } = "";

        public string Target { get; set; } = "";

        public string? Details { get; set; }

        public string PrevHash { get; set; } = "";

        public string Hash { get; set; } = "";

        public ActionLogEntry ToEntry() =>
            new(Id, DateTimeOffset.FromUnixTimeMilliseconds(AtMs), Actor, Action, Target, Details, PrevHash, Hash);
    }
}
