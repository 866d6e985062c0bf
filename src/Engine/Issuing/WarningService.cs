using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Codecs;
using Warning.Engine.Dispatch;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;

namespace Warning.Engine.Issuing;

/// <summary>
/// The one way a warning is drafted, signed off, released, updated and cancelled, whoever asks (console, API,
/// monitoring rule). Each step checks the actor's role and department, the department's jurisdiction, the content
/// and the audience; applies the <see cref="WarningThread"/> rules; saves the thread under an optimistic lock;
/// appends the action log; and, on publish, hands the version to the <see cref="IPublicationRunner"/>.
/// Every refusal is an <see cref="IssuingException"/> with words for the user.
/// </summary>
public sealed partial class WarningService(
    IWorkflowStore workflows,
    IAuditStore audit,
    IDepartmentDirectory departments,
    AudienceResolver audience,
    IPublicationRunner runner,
    IVersionCurrency currency,
    TimeProvider timeProvider,
    LifecyclePolicy? policy = null,
    IWarningSchedule? schedule = null)
{
    /// <summary>The actor of steps nobody took by hand (expiry).</summary>
    public const string SystemActor = "system";

    private readonly LifecyclePolicy _policy = policy ?? LifecyclePolicy.Default;
    private readonly IWarningSchedule _schedule = schedule ?? NoWarningSchedule.Instance;

    /// <summary>Starts a thread with the draft of its first release.</summary>
    public async Task<IssuedThread> CreateAsync(Issuer issuer, WarningMessage content, CancellationToken cancellationToken = default)
    {
        var department = Require(issuer, IssuerRoles.Drafter);
        CheckContent(department, content);
        var thread = Lifecycle(() => WarningThread.StartDraft(content, issuer.UserId, timeProvider, _policy));
        var issued = await SaveAsync(new IssuedThread(thread, department.Id, 0), "draft", issuer, content.Identifier, cancellationToken)
            .ConfigureAwait(false);
        return issued;
    }

    public async Task<IssuedThread> GetAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var record = await workflows.GetWorkflowAsync(threadId, cancellationToken).ConfigureAwait(false)
            ?? throw new IssuingException(IssuingError.NotFound, $"预警事件 {threadId} 不存在。");
        return new IssuedThread(WarningThread.Restore(ThreadSnapshotJson.Read(record.Snapshot), timeProvider, _policy),
            record.DepartmentId, record.Revision);
    }

    public Task<IReadOnlyList<WorkflowRecord>> ListAsync(string? departmentId, int limit = 200, CancellationToken cancellationToken = default) =>
        workflows.ListWorkflowsAsync(departmentId, limit, cancellationToken);

    /// <summary>Replaces the content of the version in sign-off (only while drafted or sent back).</summary>
    public Task<IssuedThread> EditAsync(Issuer issuer, string threadId, WarningMessage content, CancellationToken cancellationToken = default) =>
        StepAsync(issuer, threadId, IssuerRoles.Drafter, "edit", (thread, department) =>
        {
            CheckContent(department, content);
            var pending = PendingOf(thread);
            thread.Edit(pending.Id, content, issuer.UserId);
            return pending.Id;
        }, cancellationToken);

    public Task<IssuedThread> SubmitAsync(Issuer issuer, string threadId, CancellationToken cancellationToken = default) =>
        StepAsync(issuer, threadId, IssuerRoles.Drafter, "submit", (thread, department) =>
        {
            var pending = PendingOf(thread);
            CheckContent(department, pending.Content);
            thread.Submit(pending.Id, issuer.UserId);
            return pending.Id;
        }, cancellationToken);

    /// <summary>审核签发. From the policy's level up, the drafter cannot approve their own version.</summary>
    public Task<IssuedThread> ApproveAsync(Issuer issuer, string threadId, string? comment, CancellationToken cancellationToken = default) =>
        StepAsync(issuer, threadId, IssuerRoles.Approver, "approve", (thread, department) =>
        {
            var pending = PendingOf(thread);
            CheckContent(department, pending.Content);
            thread.Approve(pending.Id, issuer.UserId, comment);
            return pending.Id;
        }, cancellationToken);

    public Task<IssuedThread> RejectAsync(Issuer issuer, string threadId, string comment, CancellationToken cancellationToken = default) =>
        StepAsync(issuer, threadId, IssuerRoles.Approver, "reject", (thread, _) =>
        {
            if (string.IsNullOrWhiteSpace(comment))
            {
                throw new IssuingException(IssuingError.InvalidContent, "退回时请填写理由。");
            }
            var pending = PendingOf(thread);
            thread.Reject(pending.Id, issuer.UserId, comment);
            return pending.Id;
        }, cancellationToken);

    public Task<IssuedThread> WithdrawAsync(Issuer issuer, string threadId, string? comment, CancellationToken cancellationToken = default) =>
        StepAsync(issuer, threadId, IssuerRoles.Drafter, "withdraw", (thread, _) =>
        {
            var pending = PendingOf(thread);
            thread.Withdraw(pending.Id, issuer.UserId, comment);
            return pending.Id;
        }, cancellationToken);

    /// <summary>Drafts an Update (new level, text or area) of a released thread; it goes through sign-off like the first.</summary>
    public Task<IssuedThread> DraftUpdateAsync(Issuer issuer, string threadId, WarningMessage content, CancellationToken cancellationToken = default) =>
        StepAsync(issuer, threadId, IssuerRoles.Drafter, "draft-update", (thread, department) =>
        {
            CheckContent(department, content);
            return thread.DraftUpdate(content, issuer.UserId).Id;
        }, cancellationToken);

    /// <summary>Drafts the Cancel (解除) of a released thread; the reason is required.</summary>
    public Task<IssuedThread> DraftCancelAsync(Issuer issuer, string threadId, WarningMessage content, CancellationToken cancellationToken = default) =>
        StepAsync(issuer, threadId, IssuerRoles.Drafter, "draft-cancel", (thread, department) =>
        {
            CheckJurisdiction(department, content);
            return thread.DraftCancel(content, issuer.UserId).Id;
        }, cancellationToken);

    /// <summary>
    /// Releases the approved version: checks that it reaches somebody, records it in the audit store exactly as
    /// released (CAP XML), stops the sends of the version it replaces, and starts its fan-out.
    /// </summary>
    public async Task<(IssuedThread Thread, PublicationProgress Progress)> PublishAsync(Issuer issuer, string threadId,
        CancellationToken cancellationToken = default)
    {
        var department = Require(issuer, IssuerRoles.None);
        if (!issuer.Has(IssuerRoles.Drafter) && !issuer.Has(IssuerRoles.Approver))
        {
            throw Forbidden(IssuerRoles.Drafter);
        }
        var issued = await LoadForAsync(issuer, department, threadId, cancellationToken).ConfigureAwait(false);
        var thread = issued.Thread;
        var version = PendingOf(thread);
        CheckContent(department, version.Content);
        var replaced = thread.Current;
        var preview = Preview(version.Content);
        if (preview.Total == 0)
        {
            throw new IssuingException(IssuingError.NoAudience, "该预警的区域、人群和渠道没有匹配到任何接收对象，不能发布。");
        }
        Lifecycle(() => thread.Publish(version.Id, issuer.UserId));
        var saved = await SaveAsync(issued, "publish", issuer, version.Id, cancellationToken).ConfigureAwait(false);
        await RecordReleaseAsync(thread, version, cancellationToken).ConfigureAwait(false);
        if (replaced is not null)
        {
            // Queued sends of the older version stop at their next check; the new version reaches everyone again.
            currency.Retire(replaced.Id);
        }
        PublicationProgress progress;
        if (version.Content.Infos.Select(i => i.Effective).Min() is { } effective && effective > timeProvider.GetUtcNow())
        {
            // Released now (recorded, signed off, visible), sent when it takes effect: the schedule starts the fan-out.
            await _schedule.SchedulePublicationAsync(thread.ThreadId, version.Id, effective, cancellationToken).ConfigureAwait(false);
            progress = new PublicationProgress(thread.ThreadId, version.Id, timeProvider.GetUtcNow());
            progress.Scheduled();
        }
        else
        {
            progress = await runner.StartAsync(thread.ThreadId, version.Content, cancellationToken).ConfigureAwait(false);
        }
        if (version.Content.Infos.Select(i => i.Expires).Max() is { } expires && thread.State == WarningThreadState.Active)
        {
            await _schedule.ScheduleExpiryAsync(thread.ThreadId, expires, cancellationToken).ConfigureAwait(false);
        }
        if (version.Level == WarningLevel.Red && thread.State == WarningThreadState.Active)
        {
            await _schedule.ScheduleRepeatAsync(thread.ThreadId, cancellationToken).ConfigureAwait(false);
        }
        return (saved, progress);
    }

    /// <summary>
    /// Starts the fan-out of a version released ahead of its <c>effective</c> time (the schedule calls this then).
    /// Null when the version is no longer the one in force (an Update or Cancel replaced it, or the thread closed).
    /// </summary>
    public async Task<PublicationProgress?> StartScheduledAsync(string threadId, string versionId, CancellationToken cancellationToken = default)
    {
        var thread = (await GetAsync(threadId, cancellationToken).ConfigureAwait(false)).Thread;
        if (thread.Current is not { } current || current.Id != versionId || thread.State != WarningThreadState.Active)
        {
            return null;
        }
        return await runner.StartAsync(threadId, current.Content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the thread Expired when the version in force has passed its expiry (the schedule calls this at
    /// <c>expires</c>); stops its remaining sends. Returns false when it is not due (an Update moved the expiry) or
    /// the thread is already closed.
    /// </summary>
    public async Task<bool> ExpireAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var issued = await GetAsync(threadId, cancellationToken).ConfigureAwait(false);
        var current = issued.Thread.Current;
        if (!issued.Thread.ExpireIfDue())
        {
            return false;
        }
        await SaveAsync(issued, "expire", new Issuer(SystemActor, "系统", issued.DepartmentId, IssuerRoles.None), current!.Id,
            cancellationToken).ConfigureAwait(false);
        var first = issued.Thread.Versions[0].Content;
        await audit.SaveThreadAsync(new WarningThreadRecord(threadId, issued.Thread.State.ToString(), FirstInfo(first)?.EventType,
            first.Sent, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        currency.Retire(current.Id);
        return true;
    }

    /// <summary>How many recipients a version would reach on each channel, without sending anything.</summary>
    public AudiencePreview Preview(WarningMessage content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var resolved = audience.Resolve(content);
            return new AudiencePreview(resolved.Channels.ToDictionary(c => c.Channel, c => c.Recipients.Count, StringComparer.Ordinal),
                resolved.UnsupportedChannels);
        }
        catch (AudienceTargetingException e)
        {
            throw new IssuingException(IssuingError.NoAudience, "预警的发布区域或对象无法识别。", [.. e.Problems.Select(p => p.ToString())]);
        }
    }

    private static WarningInfo? FirstInfo(WarningMessage message) => message.Infos.Count > 0 ? message.Infos[0] : null;

    private async Task RecordReleaseAsync(WarningThread thread, WarningVersion version, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var first = thread.Versions[0].Content;
        await audit.SaveThreadAsync(new WarningThreadRecord(thread.ThreadId, thread.State.ToString(),
            FirstInfo(first)?.EventType, first.Sent, now), cancellationToken).ConfigureAwait(false);
        var content = version.Content;
        await audit.SaveVersionAsync(new WarningVersionRecord(content.Identifier, thread.ThreadId, content.MsgType.ToString(),
            content.Status.ToString(), (int?)version.Level, content.Sender, content.Sent, version.PublishedAt,
            CapWriter.Write(content)), cancellationToken).ConfigureAwait(false);
    }
}
