using System.Data.Common;
using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore : IWorkflowStore
{
    private const string WorkflowColumns =
        "thread_id AS ThreadId, department_id AS DepartmentId, state AS State, status AS Status, level AS Level, " +
        "event_code AS EventCode, headline AS Headline, pending_state AS PendingState, revision AS Revision, " +
        "created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs, snapshot AS Snapshot";

    public async Task<WorkflowRecord?> GetWorkflowAsync(string threadId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<WorkflowRow>(Command(
                $"SELECT {WorkflowColumns} FROM warning_workflows WHERE thread_id = @threadId",
                new { threadId }, null, cancellationToken)).ConfigureAwait(false);
            return row?.ToRecord();
        }
    }

    public async Task<bool> TrySaveWorkflowAsync(WorkflowRecord record, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var parameters = new
        {
            record.ThreadId,
            record.DepartmentId,
            record.State,
            record.Status,
            record.Level,
            record.EventCode,
            record.Headline,
            record.PendingState,
            Revision = expectedRevision + 1,
            Expected = expectedRevision,
            CreatedAtMs = record.CreatedAt.ToUnixTimeMilliseconds(),
            UpdatedAtMs = record.UpdatedAt.ToUnixTimeMilliseconds(),
            record.Snapshot,
        };
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (expectedRevision > 0)
            {
                var updated = await connection.ExecuteAsync(Command(
                    "UPDATE warning_workflows SET department_id = @DepartmentId, state = @State, status = @Status, level = @Level, " +
                    "event_code = @EventCode, headline = @Headline, pending_state = @PendingState, revision = @Revision, " +
                    "updated_at_ms = @UpdatedAtMs, snapshot = @Snapshot WHERE thread_id = @ThreadId AND revision = @Expected",
                    parameters, null, cancellationToken)).ConfigureAwait(false);
                return updated == 1;
            }
            try
            {
                await connection.ExecuteAsync(Command(
                    "INSERT INTO warning_workflows (thread_id, department_id, state, status, level, event_code, headline, " +
                    "pending_state, revision, created_at_ms, updated_at_ms, snapshot) VALUES (@ThreadId, @DepartmentId, @State, " +
                    "@Status, @Level, @EventCode, @Headline, @PendingState, @Revision, @CreatedAtMs, @UpdatedAtMs, @Snapshot)",
                    parameters, null, cancellationToken)).ConfigureAwait(false);
                return true;
            }
            catch (DbException)
            {
                if (await WorkflowExistsAsync(connection, record.ThreadId, cancellationToken).ConfigureAwait(false))
                {
                    return false; // someone created the same thread first: a lost race, not an error
                }
                throw;
            }
        }
    }

    public async Task<IReadOnlyList<WorkflowRecord>> ListWorkflowsAsync(string? departmentId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var where = departmentId is null ? string.Empty : " WHERE department_id = @departmentId";
            var rows = await connection.QueryAsync<WorkflowRow>(Command(
                $"SELECT {WorkflowColumns} FROM warning_workflows{where} ORDER BY updated_at_ms DESC, thread_id",
                new { departmentId }, null, cancellationToken)).ConfigureAwait(false);
            return rows.Take(limit).Select(r => r.ToRecord()).ToList();
        }
    }

    private static async Task<bool> WorkflowExistsAsync(DbConnection connection, string threadId, CancellationToken cancellationToken)
    {
        // A failed statement inside a PostgreSQL transaction poisons it; there is no transaction here, so this is safe.
        var count = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM warning_workflows WHERE thread_id = @threadId", new { threadId }, null, cancellationToken))
            .ConfigureAwait(false);
        return count > 0;
    }

    private sealed class WorkflowRow
    {
        public string ThreadId { get; set; } = "";
        public string DepartmentId { get; set; } = "";
        public string State { get; set; } = "";
        public string Status { get; set; } = "";
        public int? Level { get; set; }
        public string? EventCode { get; set; }
        public string? Headline { get; set; }
        public string? PendingState { get; set; }
        public long Revision { get; set; }
        public long CreatedAtMs { get; set; }
        public long UpdatedAtMs { get; set; }
        public string Snapshot { get; set; } = "";

        public WorkflowRecord ToRecord() => new(ThreadId, DepartmentId, State, Status, Level, EventCode, Headline, PendingState,
            Revision, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAtMs), Snapshot);
    }
}
