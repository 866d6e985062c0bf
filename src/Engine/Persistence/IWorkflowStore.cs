namespace Warning.Engine.Persistence;

/// <summary>Where warning threads live while they are drafted, signed off, released, updated and cancelled.</summary>
public interface IWorkflowStore
{
    Task<WorkflowRecord?> GetWorkflowAsync(string threadId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="record"/> if the stored revision is still <paramref name="expectedRevision"/> (0: the
    /// thread must be new); the saved row gets <paramref name="expectedRevision"/> + 1. Returns false when
    /// someone else saved first: nothing was written.
    /// </summary>
    Task<bool> TrySaveWorkflowAsync(WorkflowRecord record, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>The most recently changed threads first, optionally of one department only.</summary>
    Task<IReadOnlyList<WorkflowRecord>> ListWorkflowsAsync(string? departmentId, int limit, CancellationToken cancellationToken);
}
