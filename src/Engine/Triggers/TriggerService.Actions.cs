using System.Globalization;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;

namespace Warning.Engine.Triggers;

public sealed partial class TriggerService
{
    private async Task<Acted> ActAsync(TriggerRule rule, RuleState state, TriggerEvaluation evaluation, Reading reading,
        CancellationToken cancellationToken)
    {
        var department = departments.Find(rule.DepartmentId)
            ?? throw new IssuingException(IssuingError.Forbidden, $"规则 {rule.Id} 所属部门 {rule.DepartmentId} 未登记。");
        var issued = await FindThreadAsync(state.ThreadId, cancellationToken).ConfigureAwait(false);
        var open = IsOpen(issued) ? issued : null;
        var kept = open?.Thread.ThreadId;
        switch (evaluation.Kind)
        {
            case TriggerDecisionKind.Open or TriggerDecisionKind.Raise:
                return await RaiseAsync(rule, department, open, evaluation.To!.Value, reading, cancellationToken).ConfigureAwait(false);
            case TriggerDecisionKind.Hold when open is not null:
                return await ExtendIfDueAsync(rule, department, open, reading, cancellationToken).ConfigureAwait(false);
            case TriggerDecisionKind.Hold when issued?.Thread.State != WarningThreadState.Cancelled:
                // Still firing but its warning lapsed (expired) or never went out: raise it again. A warning a person
                // cancelled stays cancelled until the rule goes quiet.
                return await RaiseAsync(rule, department, null, evaluation.To!.Value, reading, cancellationToken).ConfigureAwait(false);
            case TriggerDecisionKind.Lower when open?.Thread.State == WarningThreadState.Active:
                return await ProposeLowerAsync(rule, department, open, evaluation.To!.Value, reading, cancellationToken).ConfigureAwait(false);
            case TriggerDecisionKind.Clear when open?.Thread.State == WarningThreadState.Active:
                return await ProposeCancelAsync(rule, department, open, reading, cancellationToken).ConfigureAwait(false);
            case TriggerDecisionKind.Clear when open is not null:
                // The first release was never signed off and is no longer called for.
                return await WithdrawOwnAsync(rule, open, TriggerAction.DraftWithdrawn, null, cancellationToken).ConfigureAwait(false)
                    ?? new Acted(TriggerAction.Blocked, kept, BlockedMessage(open));
            default:
                // While the rule holds a level it remembers even a closed thread, so that a warning a person cancelled
                // is not raised again by the next reading; once quiet, it forgets it.
                return new(TriggerAction.None, kept ?? (evaluation.Next.Level is null ? null : state.ThreadId));
        }
    }

    private async Task<Acted> RaiseAsync(TriggerRule rule, Department department, IssuedThread? open, WarningLevel level, Reading reading,
        CancellationToken cancellationToken)
    {
        if (open is null)
        {
            return await OpenAsync(rule, department, level, reading, null, cancellationToken).ConfigureAwait(false);
        }
        var thread = open.Thread;
        if (thread.Pending is { } pending)
        {
            if (pending.DraftedBy != ActorOf(rule))
            {
                return new(TriggerAction.Blocked, thread.ThreadId, BlockedMessage(open));
            }
            if (pending.Kind != MessageType.Cancel && pending.Level >= level)
            {
                return new(TriggerAction.None, thread.ThreadId); // already in sign-off at this level or above
            }
        }
        if (thread.State == WarningThreadState.Pending)
        {
            // An unreleased first draft at a lower level: nothing went out, so a fresh draft at the new level replaces it.
            await WithdrawOwnAsync(rule, open, TriggerAction.DraftWithdrawn, null, cancellationToken).ConfigureAwait(false);
            return await OpenAsync(rule, department, level, reading, $"replaces unreleased draft {thread.ThreadId}", cancellationToken)
                .ConfigureAwait(false);
        }
        var withdrawn = false;
        if (thread.Pending is not null)
        {
            if (await WithdrawOwnAsync(rule, open, TriggerAction.ProposalWithdrawn, null, cancellationToken).ConfigureAwait(false) is null)
            {
                return new(TriggerAction.Blocked, thread.ThreadId, BlockedMessage(open));
            }
            withdrawn = true;
            open = await warnings.GetAsync(thread.ThreadId, cancellationToken).ConfigureAwait(false);
        }
        if (open.Thread.Current!.Level >= level)
        {
            return withdrawn
                ? new(TriggerAction.ProposalWithdrawn, thread.ThreadId, "readings rose again; the level in force stands")
                : await ExtendIfDueAsync(rule, department, open, reading, cancellationToken).ConfigureAwait(false);
        }
        return await UpdateAsync(rule, department, open, level, reading, rule.PublishesDirectly, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Acted> OpenAsync(TriggerRule rule, Department department, WarningLevel level, Reading reading, string? note,
        CancellationToken cancellationToken)
    {
        var content = composer.Compose(department, Draft(rule, level, reading));
        var issued = await warnings.CreateAsync(Drafter(rule), content, cancellationToken).ConfigureAwait(false);
        var threadId = issued.Thread.ThreadId;
        await ReleaseOrSubmitAsync(rule, threadId, rule.PublishesDirectly, cancellationToken).ConfigureAwait(false);
        return new(rule.PublishesDirectly ? TriggerAction.Published : TriggerAction.Drafted, threadId, note);
    }

    private async Task<Acted> ExtendIfDueAsync(TriggerRule rule, Department department, IssuedThread open, Reading reading,
        CancellationToken cancellationToken)
    {
        var thread = open.Thread;
        if (thread.State != WarningThreadState.Active || thread.Pending is not null || thread.Current!.Level is not { } level)
        {
            return new(TriggerAction.None, thread.ThreadId);
        }
        var expires = thread.Current.Content.Infos.Select(i => i.Expires).Max();
        if (expires is null || expires.Value - timeProvider.GetUtcNow() > rule.ExpiresAfter / 2)
        {
            return new(TriggerAction.None, thread.ThreadId);
        }
        return await UpdateAsync(rule, department, open, level, reading, rule.PublishesDirectly, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Acted> UpdateAsync(TriggerRule rule, Department department, IssuedThread open, WarningLevel level, Reading reading,
        bool direct, CancellationToken cancellationToken)
    {
        var threadId = open.Thread.ThreadId;
        var content = composer.ComposeUpdate(department, Draft(rule, level, reading), open.Thread.Versions[0].Content);
        await warnings.DraftUpdateAsync(Drafter(rule), threadId, content, cancellationToken).ConfigureAwait(false);
        await ReleaseOrSubmitAsync(rule, threadId, direct, cancellationToken).ConfigureAwait(false);
        return new(direct ? TriggerAction.UpdatePublished : TriggerAction.UpdateDrafted, threadId);
    }

    private async Task<Acted> ProposeLowerAsync(TriggerRule rule, Department department, IssuedThread open, WarningLevel level,
        Reading reading, CancellationToken cancellationToken)
    {
        var threadId = open.Thread.ThreadId;
        if (open.Thread.Pending is { } pending && pending.Kind == MessageType.Update && pending.Level == level && pending.DraftedBy == ActorOf(rule))
        {
            return new(TriggerAction.None, threadId);
        }
        if (open.Thread.Pending is not null)
        {
            if (await WithdrawOwnAsync(rule, open, TriggerAction.ProposalWithdrawn, null, cancellationToken).ConfigureAwait(false) is null)
            {
                return new(TriggerAction.Blocked, threadId, BlockedMessage(open));
            }
            open = await warnings.GetAsync(threadId, cancellationToken).ConfigureAwait(false);
        }
        if (open.Thread.Current!.Level <= level)
        {
            return new(TriggerAction.ProposalWithdrawn, threadId);
        }
        await UpdateAsync(rule, department, open, level, reading, direct: false, cancellationToken).ConfigureAwait(false);
        return new(TriggerAction.LowerProposed, threadId);
    }

    private async Task<Acted> ProposeCancelAsync(TriggerRule rule, Department department, IssuedThread open, Reading reading,
        CancellationToken cancellationToken)
    {
        var threadId = open.Thread.ThreadId;
        if (open.Thread.Pending is { } pending)
        {
            if (pending.Kind == MessageType.Cancel)
            {
                return new(TriggerAction.None, threadId);
            }
            if (await WithdrawOwnAsync(rule, open, TriggerAction.ProposalWithdrawn, null, cancellationToken).ConfigureAwait(false) is null)
            {
                return new(TriggerAction.Blocked, threadId, BlockedMessage(open));
            }
            open = await warnings.GetAsync(threadId, cancellationToken).ConfigureAwait(false);
        }
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"监测站 {reading.StationId} 的 {reading.Measure} 已回落至 {reading.Value:0.##}（{reading.ObservedAt.ToOffset(TimeSpan.FromHours(8)):MM月dd日HH:mm}），低于解除阈值。");
        var content = composer.ComposeCancel(department, open.Thread.Versions[0].Content, open.Thread.Current!.Content, reason);
        await warnings.DraftCancelAsync(Drafter(rule), threadId, content, cancellationToken).ConfigureAwait(false);
        await warnings.SubmitAsync(Drafter(rule), threadId, cancellationToken).ConfigureAwait(false);
        return new(TriggerAction.CancelProposed, threadId);
    }

    /// <summary>Withdraws the pending version when this rule drafted it; null (nothing done) when a person did.</summary>
    private async Task<Acted?> WithdrawOwnAsync(TriggerRule rule, IssuedThread open, TriggerAction action, string? note,
        CancellationToken cancellationToken)
    {
        if (open.Thread.Pending is not { } pending || pending.DraftedBy != ActorOf(rule))
        {
            return null;
        }
        await warnings.WithdrawAsync(Drafter(rule), open.Thread.ThreadId, "监测数据变化，由规则自动撤回", cancellationToken).ConfigureAwait(false);
        return new Acted(action, open.Thread.ThreadId, note);
    }

    private async Task ReleaseOrSubmitAsync(TriggerRule rule, string threadId, bool direct, CancellationToken cancellationToken)
    {
        var drafter = Drafter(rule);
        await warnings.SubmitAsync(drafter, threadId, cancellationToken).ConfigureAwait(false);
        if (!direct)
        {
            return;
        }
        // The standing sign-off of the person who pre-authorised the rule: another actor than the drafting rule,
        // so the two-person rule holds, and named in the log as such.
        var approver = new Issuer("preauth:" + rule.AuthorisedBy, $"预授权（{rule.AuthorisedBy}）", rule.DepartmentId, IssuerRoles.Approver);
        await warnings.ApproveAsync(approver, threadId, $"规则 {rule.Id} 预授权自动签发", cancellationToken).ConfigureAwait(false);
        await warnings.PublishAsync(drafter, threadId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IssuedThread?> FindThreadAsync(string? threadId, CancellationToken cancellationToken)
    {
        if (threadId is null)
        {
            return null;
        }
        try
        {
            return await warnings.GetAsync(threadId, cancellationToken).ConfigureAwait(false);
        }
        catch (IssuingException e) when (e.Error == IssuingError.NotFound)
        {
            return null;
        }
    }

    private WarningDraft Draft(TriggerRule rule, WarningLevel level, Reading reading) => new()
    {
        EventType = rule.EventType,
        Level = level,
        AreaCodes = rule.AreaCodes,
        Description = TriggerText.Render(rule.DescriptionTemplate, reading, level),
        Instruction = rule.Instruction,
        Expires = timeProvider.GetUtcNow() + rule.ExpiresAfter,
    };

    private static Issuer Drafter(TriggerRule rule) =>
        new(ActorOf(rule), $"监测规则 {rule.Name}", rule.DepartmentId, IssuerRoles.Drafter);

    private static string BlockedMessage(IssuedThread open) =>
        $"version {open.Thread.Pending?.Id} drafted by {open.Thread.Pending?.DraftedBy} is in sign-off; the rule leaves it to them";
}
