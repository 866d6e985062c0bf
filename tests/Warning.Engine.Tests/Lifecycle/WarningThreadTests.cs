using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Alerts;
using Warning.Engine.Lifecycle;
using static Warning.Engine.Tests.Lifecycle.WarningSamples;

namespace Warning.Engine.Tests.Lifecycle;

public sealed class WarningThreadTests
{
    private const string Drafter = "drafter";
    private const string Approver = "approver";
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Publish_AfterSubmitAndApprove_ActivatesThread()
    {
        var thread = CreateSut();
        Assert.Equal(WarningThreadState.Active, thread.State);
        Assert.Equal(VersionState.Published, thread.Versions[0].State);
        Assert.Equal(Start, thread.Versions[0].PublishedAt);
        Assert.Equal(
            [LifecycleAction.Draft, LifecycleAction.Submit, LifecycleAction.Approve, LifecycleAction.Publish],
            thread.Versions[0].History.Select(h => h.Action));
    }

    [Fact]
    public void Publish_WithoutApproval_IsRefused()
    {
        var thread = WarningThread.StartDraft(Alert(), Drafter, _time);
        thread.Submit(thread.ThreadId, Drafter);
        var ex = Assert.Throws<LifecycleException>(() => thread.Publish(thread.ThreadId, Drafter));
        Assert.Equal(LifecycleRule.InvalidTransition, ex.Rule);
        Assert.Equal(WarningThreadState.Pending, thread.State);
    }

    [Fact]
    public void StartDraft_UpdateMessage_IsRefused()
    {
        var ex = Assert.Throws<LifecycleException>(() =>
            WarningThread.StartDraft(Update("x", WarningLevel.Red), Drafter, _time));
        Assert.Equal(LifecycleRule.WrongMessageType, ex.Rule);
    }

    [Fact]
    public void StartDraft_CapDraftStatusOrNoInfo_IsRefused()
    {
        Assert.Equal(LifecycleRule.InvalidContent, Assert.Throws<LifecycleException>(() =>
            WarningThread.StartDraft(Alert(status: AlertStatus.Draft), Drafter, _time)).Rule);
        Assert.Equal(LifecycleRule.InvalidContent, Assert.Throws<LifecycleException>(() =>
            WarningThread.StartDraft(Alert() with { Infos = [] }, Drafter, _time)).Rule);
    }

    [Fact]
    public void Edit_PublishedVersion_IsRefused()
    {
        var thread = CreateSut();
        var changed = Alert() with { Note = "改动" };
        var ex = Assert.Throws<LifecycleException>(() => thread.Edit(thread.ThreadId, changed, Drafter));
        Assert.Equal(LifecycleRule.PublishedVersionImmutable, ex.Rule);
        Assert.Null(thread.Versions[0].Content.Note);
    }

    [Fact]
    public void Edit_RejectedDraft_ReplacesContent()
    {
        var thread = WarningThread.StartDraft(Alert(), Drafter, _time);
        thread.Submit(thread.ThreadId, Drafter);
        thread.Reject(thread.ThreadId, Approver, "范围写错了");
        thread.Edit(thread.ThreadId, Alert() with { Note = "已更正" }, Drafter);
        Assert.Equal("已更正", thread.Versions[0].Content.Note);
        Assert.Equal(VersionState.Rejected, thread.Versions[0].State);
    }

    [Fact]
    public void DraftUpdate_WithoutReferenceToFirstRelease_IsRefused()
    {
        var thread = CreateSut();
        var update = Update("u1", WarningLevel.Orange) with { References = [] };
        var ex = Assert.Throws<LifecycleException>(() => thread.DraftUpdate(update, Drafter));
        Assert.Equal(LifecycleRule.MissingThreadReference, ex.Rule);
    }

    [Fact]
    public void DraftUpdate_BeforeFirstRelease_IsRefused()
    {
        var thread = WarningThread.StartDraft(Alert(), Drafter, _time);
        var ex = Assert.Throws<LifecycleException>(() => thread.DraftUpdate(Update("u1", WarningLevel.Orange), Drafter));
        Assert.Equal(LifecycleRule.InvalidTransition, ex.Rule);
    }

    [Fact]
    public void PublishUpdate_LevelDown_BecomesCurrent()
    {
        var thread = CreateSut();
        var update = thread.DraftUpdate(Update("u1", WarningLevel.Orange), Drafter);
        SignOff(thread, update.Id);
        Assert.Same(update, thread.Current);
        Assert.Equal(WarningLevel.Orange, thread.Current!.Level);
        Assert.Equal(WarningThreadState.Active, thread.State);
    }

    [Fact]
    public void DraftUpdate_WhileAnotherVersionPending_IsRefused()
    {
        var thread = CreateSut();
        thread.DraftUpdate(Update("u1", WarningLevel.Orange), Drafter);
        var ex = Assert.Throws<LifecycleException>(() => thread.DraftUpdate(Update("u2", WarningLevel.Yellow), Drafter));
        Assert.Equal(LifecycleRule.PendingVersionExists, ex.Rule);
    }

    [Fact]
    public void DraftCancel_WithoutReason_IsRefused()
    {
        var thread = CreateSut();
        var ex = Assert.Throws<LifecycleException>(() => thread.DraftCancel(Cancel("c1", reason: " "), Drafter));
        Assert.Equal(LifecycleRule.CancelWithoutReason, ex.Rule);
    }

    [Fact]
    public void PublishCancel_ClosesThread_AndNoUpdateIsTaken()
    {
        var thread = CreateSut();
        SignOff(thread, thread.DraftCancel(Cancel("c1"), Drafter).Id);
        Assert.Equal(WarningThreadState.Cancelled, thread.State);
        var ex = Assert.Throws<LifecycleException>(() => thread.DraftUpdate(Update("u1", WarningLevel.Red), Drafter));
        Assert.Equal(LifecycleRule.ThreadClosed, ex.Rule);
    }

    [Fact]
    public void PublishUpdate_ThreadCancelledMeanwhile_IsRefused()
    {
        var thread = CreateSut();
        var update = thread.DraftUpdate(Update("u1", WarningLevel.Orange), Drafter);
        thread.Submit(update.Id, Drafter);
        thread.Approve(update.Id, Approver);
        thread.Withdraw(update.Id, Drafter);
        SignOff(thread, thread.DraftCancel(Cancel("c1"), Drafter).Id);
        Assert.Equal(LifecycleRule.ThreadClosed,
            Assert.Throws<LifecycleException>(() => thread.Publish(update.Id, Drafter)).Rule);
    }

    [Fact]
    public void ExpireIfDue_PastExpires_ExpiresThreadAndRefusesUpdates()
    {
        var thread = CreateSut();
        Assert.False(thread.ExpireIfDue());
        _time.Advance(TimeSpan.FromHours(6));
        Assert.True(thread.ExpireIfDue());
        Assert.Equal(WarningThreadState.Expired, thread.State);
        Assert.Equal(LifecycleRule.ThreadClosed, Assert.Throws<LifecycleException>(() =>
            thread.DraftUpdate(Update("u1", WarningLevel.Red), Drafter)).Rule);
    }

    [Fact]
    public void DraftUpdate_ExerciseThreadWithActualUpdate_IsRefused()
    {
        var thread = CreateSut(Alert(status: AlertStatus.Exercise));
        var ex = Assert.Throws<LifecycleException>(() => thread.DraftUpdate(Update("u1", WarningLevel.Red), Drafter));
        Assert.Equal(LifecycleRule.StatusMismatch, ex.Rule);
        Assert.Equal(AlertStatus.Exercise, thread.Status);
    }

    [Theory]
    [InlineData(WarningLevel.Red, true)]
    [InlineData(WarningLevel.Orange, true)]
    [InlineData(WarningLevel.Yellow, false)]
    [InlineData(WarningLevel.Blue, false)]
    public void Approve_ByDrafter_RefusedFromOrangeUp(WarningLevel level, bool refused)
    {
        var thread = WarningThread.StartDraft(Alert(level), Drafter, _time);
        thread.Submit(thread.ThreadId, Drafter);
        var ex = Record.Exception(() => thread.Approve(thread.ThreadId, Drafter));
        if (refused)
        {
            Assert.Equal(LifecycleRule.TwoPersonRule, Assert.IsType<LifecycleException>(ex).Rule);
        }
        else
        {
            Assert.Null(ex);
        }
    }

    [Fact]
    public void Approve_CancelOfRedThreadByDrafter_IsRefused()
    {
        var thread = CreateSut();
        var cancel = thread.DraftCancel(Cancel("c1"), Drafter);
        thread.Submit(cancel.Id, Drafter);
        Assert.Equal(LifecycleRule.TwoPersonRule,
            Assert.Throws<LifecycleException>(() => thread.Approve(cancel.Id, Drafter)).Rule);
    }

    private WarningThread CreateSut(WarningMessage? alert = null)
    {
        var thread = WarningThread.StartDraft(alert ?? Alert(), Drafter, _time);
        SignOff(thread, thread.ThreadId);
        return thread;
    }

    private static void SignOff(WarningThread thread, string versionId)
    {
        thread.Submit(versionId, Drafter);
        thread.Approve(versionId, Approver);
        thread.Publish(versionId, Approver);
    }
}
