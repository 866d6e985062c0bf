using Warning.Engine.Alerts;
using Warning.Engine.Codecs;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;

namespace Warning.Engine.Issuing;

public sealed partial class WarningService
{
    /// <summary>Load, apply one lifecycle step, save under the revision that was read, log the action.</summary>
    private async Task<IssuedThread> StepAsync(Issuer issuer, string threadId, IssuerRoles role, string action,
        Func<WarningThread, Department, string> step, CancellationToken cancellationToken)
    {
        var department = Require(issuer, role);
        var issued = await LoadForAsync(issuer, department, threadId, cancellationToken).ConfigureAwait(false);
        var versionId = Lifecycle(() => step(issued.Thread, department));
        return await SaveAsync(issued, action, issuer, versionId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IssuedThread> LoadForAsync(Issuer issuer, Department department, string threadId, CancellationToken cancellationToken)
    {
        var issued = await GetAsync(threadId, cancellationToken).ConfigureAwait(false);
        if (issued.DepartmentId != department.Id)
        {
            // Another department's warning is not even confirmed to exist.
            throw new IssuingException(IssuingError.NotFound, $"预警事件 {threadId} 不存在或不属于{department.Name}。");
        }
        _ = issuer;
        return issued;
    }

    private async Task<IssuedThread> SaveAsync(IssuedThread issued, string action, Issuer issuer, string versionId,
        CancellationToken cancellationToken)
    {
        var thread = issued.Thread;
        var now = timeProvider.GetUtcNow();
        var latest = thread.Versions[^1];
        var pending = thread.Pending;
        var record = new WorkflowRecord(thread.ThreadId, issued.DepartmentId, thread.State.ToString(), thread.Status.ToString(),
            (int?)(thread.Current ?? latest).Level, FirstInfo(latest.Content)?.EventType,
            FirstInfo((thread.Current ?? latest).Content)?.Headline, pending?.State.ToString(), 0,
            thread.Versions[0].History[0].At, now, ThreadSnapshotJson.Write(thread.ToSnapshot()));
        if (!await workflows.TrySaveWorkflowAsync(record, issued.Revision, cancellationToken).ConfigureAwait(false))
        {
            throw new IssuingException(IssuingError.Conflict, "该预警刚被其他人修改，请刷新后重试。");
        }
        await audit.AppendActionAsync(issuer.UserId, action, $"{thread.ThreadId}/{versionId}",
            $"department={issued.DepartmentId}; state={thread.GetVersion(versionId).State}", now, cancellationToken).ConfigureAwait(false);
        return issued with { Revision = issued.Revision + 1 };
    }

    private Department Require(Issuer issuer, IssuerRoles role)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var department = departments.Find(issuer.DepartmentId)
            ?? throw new IssuingException(IssuingError.Forbidden, $"用户 {issuer.UserId} 所属部门 {issuer.DepartmentId} 未登记。");
        if (role != IssuerRoles.None && !issuer.Has(role))
        {
            throw Forbidden(role);
        }
        return department;
    }

    private static IssuingException Forbidden(IssuerRoles role) => new(IssuingError.Forbidden, role switch
    {
        IssuerRoles.Approver => "只有审核签发人员可以审核、签发或退回预警。",
        _ => "只有制作人员可以起草、提交或发布预警。",
    });

    private static WarningVersion PendingOf(WarningThread thread) => thread.Pending
        ?? throw new IssuingException(IssuingError.Lifecycle, $"预警事件 {thread.ThreadId} 没有待处理的版本。",
            rule: LifecycleRule.InvalidTransition);

    private static void CheckContent(Department department, WarningMessage content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = WarningRules.Validate(content).Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new IssuingException(IssuingError.InvalidContent, "预警内容不完整或不符合标准：" + errors[0].Message,
                [.. errors.Select(e => $"{e.Path}: {e.Message}")]);
        }
        CheckJurisdiction(department, content);
    }

    private static void CheckJurisdiction(Department department, WarningMessage content)
    {
        var problems = department.Jurisdiction.Check(content);
        if (problems.Count > 0)
        {
            throw new IssuingException(IssuingError.OutsideJurisdiction, $"超出{department.Name}的发布权限：{problems[0].Message}",
                [.. problems.Select(p => p.Message)]);
        }
    }

    private static T Lifecycle<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (LifecycleException e)
        {
            throw new IssuingException(IssuingError.Lifecycle, e.Message, rule: e.Rule);
        }
    }

    private static void Lifecycle(Action step) => Lifecycle(() =>
    {
        step();
        return 0;
    });
}
