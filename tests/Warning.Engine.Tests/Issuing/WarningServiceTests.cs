using Warning.Engine.Alerts;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using static Warning.Engine.Tests.Issuing.IssuingFixture;

namespace Warning.Engine.Tests.Issuing;

public sealed class WarningServiceTests : IAsyncLifetime
{
    private IssuingFixture _f = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _f = await StartAsync();

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task PublishAsync_RedWarningSignedOffBySecondPerson_ReachesItsWholeAudienceOnceAndIsAudited()
    {
        var content = _f.Rainstorm(WarningLevel.Red);
        var expected = _f.Service.Preview(content).ByChannel["sms"];
        var created = await _f.Service.CreateAsync(Drafter, content, Token);
        var threadId = created.Thread.ThreadId;
        await _f.Service.SubmitAsync(Drafter, threadId, Token);
        await _f.Service.ApproveAsync(Approver, threadId, "同意发布", Token);

        var (thread, progress) = await _f.Service.PublishAsync(Drafter, threadId, Token);
        await _f.Runner.WaitAsync(content.Identifier, Token);

        Assert.True(expected > 100, "a street of the demo district has many SMS recipients");
        Assert.Equal(WarningThreadState.Active, thread.Thread.State);
        Assert.True(progress.State == PublicationState.Completed, progress.Error);
        var sms = Assert.Single(progress.Channels);
        Assert.Contains("wechat", progress.UnavailableChannels); // Red uses WeChat by policy; this host has SMS only
        Assert.Equal(expected, sms.Targeted);
        Assert.Equal(expected, sms.Sent);
        Assert.Equal(expected, _f.Sms.TotalSends);
        Assert.Equal(expected, _f.Sms.Calls.SelectMany(c => c.Recipients).Distinct().Count());
        Assert.Equal(content.Identifier, Assert.Single(_f.Sms.Calls.Select(c => c.Content.VersionId).Distinct()));
        Assert.NotNull(await _f.Store.GetOriginalXmlAsync(content.Identifier, Token));
        var log = await _f.Store.GetActionLogAsync(0, Token);
        Assert.Equal(["draft", "submit", "approve", "publish"], log.Select(e => e.Action));
        Assert.Equal(["zhang.san", "zhang.san", "li.si", "zhang.san"], log.Select(e => e.Actor));
        Assert.Null(await _f.Store.VerifyActionLogAsync(Token));
    }

    [Theory]
    [InlineData(WarningLevel.Orange)]
    [InlineData(WarningLevel.Red)]
    public async Task ApproveAsync_DrafterApprovesOwnUrgentWarning_RefusedByTwoPersonRule(WarningLevel level)
    {
        var created = await _f.Service.CreateAsync(Drafter, _f.Rainstorm(level), Token);
        await _f.Service.SubmitAsync(Drafter, created.Thread.ThreadId, Token);

        var ex = await Assert.ThrowsAsync<IssuingException>(() =>
            _f.Service.ApproveAsync(Drafter, created.Thread.ThreadId, null, Token));

        Assert.Equal(IssuingError.Lifecycle, ex.Error);
        Assert.Equal(LifecycleRule.TwoPersonRule, ex.Rule);
        Assert.Equal(VersionState.Submitted, (await _f.Service.GetAsync(created.Thread.ThreadId, Token)).Thread.Versions[0].State);
    }

    [Fact]
    public async Task ApproveAsync_DrafterApprovesOwnBlueWarning_Allowed()
    {
        var created = await _f.Service.CreateAsync(Drafter, _f.Rainstorm(WarningLevel.Blue), Token);
        await _f.Service.SubmitAsync(Drafter, created.Thread.ThreadId, Token);

        var approved = await _f.Service.ApproveAsync(Drafter, created.Thread.ThreadId, null, Token);

        Assert.Equal(VersionState.Approved, approved.Thread.Versions[0].State);
    }

    [Fact]
    public async Task CreateAsync_AreaOutsideJurisdiction_RefusedWithTheArea()
    {
        var content = _f.Rainstorm(WarningLevel.Blue, WeatherStation, Street(1).Code);

        var ex = await Assert.ThrowsAsync<IssuingException>(() => _f.Service.CreateAsync(Meteorologist, content, Token));

        Assert.Equal(IssuingError.OutsideJurisdiction, ex.Error);
        Assert.Contains(Street(1).Code, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _f.Service.ListAsync(null, cancellationToken: Token));
    }

    [Fact]
    public async Task CreateAsync_EventTypeOutsideJurisdiction_Refused()
    {
        // 11A01 is a flood-control type, not meteorological: the weather station may not issue it.
        var content = _f.Rainstorm(WarningLevel.Blue, WeatherStation, eventType: EventTypeCatalogue.All.First(e => !e.Code.StartsWith("11B", StringComparison.Ordinal)).Code);

        var ex = await Assert.ThrowsAsync<IssuingException>(() => _f.Service.CreateAsync(Meteorologist, content, Token));

        Assert.Equal(IssuingError.OutsideJurisdiction, ex.Error);
        Assert.Contains("事件类型", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_LevelAboveDepartmentMaximum_Refused()
    {
        var ex = await Assert.ThrowsAsync<IssuingException>(() =>
            _f.Service.CreateAsync(Meteorologist, _f.Rainstorm(WarningLevel.Red, WeatherStation), Token));

        Assert.Equal(IssuingError.OutsideJurisdiction, ex.Error);
        Assert.Contains("最高级别", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_AuditorRole_Forbidden()
    {
        var ex = await Assert.ThrowsAsync<IssuingException>(() =>
            _f.Service.CreateAsync(Auditor, _f.Rainstorm(WarningLevel.Blue), Token));

        Assert.Equal(IssuingError.Forbidden, ex.Error);
    }

    [Fact]
    public async Task ApproveAsync_ApproverOfAnotherDepartment_DoesNotSeeTheThread()
    {
        var created = await _f.Service.CreateAsync(Drafter, _f.Rainstorm(WarningLevel.Blue), Token);
        await _f.Service.SubmitAsync(Drafter, created.Thread.ThreadId, Token);

        var ex = await Assert.ThrowsAsync<IssuingException>(() =>
            _f.Service.ApproveAsync(Meteorologist, created.Thread.ThreadId, null, Token));

        Assert.Equal(IssuingError.NotFound, ex.Error);
    }

    [Fact]
    public async Task PublishAsync_BeforeApproval_RefusedAndNothingSent()
    {
        var created = await _f.Service.CreateAsync(Drafter, _f.Rainstorm(WarningLevel.Blue), Token);
        await _f.Service.SubmitAsync(Drafter, created.Thread.ThreadId, Token);

        var ex = await Assert.ThrowsAsync<IssuingException>(() => _f.Service.PublishAsync(Drafter, created.Thread.ThreadId, Token));

        Assert.Equal(IssuingError.Lifecycle, ex.Error);
        Assert.Equal(0, _f.Sms.TotalSends);
    }

    [Fact]
    public async Task PublishAsync_Update_RetiresTheOlderVersionAndSendsTheNewOne()
    {
        var first = _f.Rainstorm(WarningLevel.Blue);
        var threadId = await PublishedAsync(first);
        var update = _f.Composer.ComposeUpdate(Bureau, new WarningDraft
        {
            EventType = "11B03",
            Level = WarningLevel.Orange,
            AreaCodes = [Street(0).Code],
            Description = "降雨加强，升级为橙色预警。",
        }, first);

        await _f.Service.DraftUpdateAsync(Drafter, threadId, update, Token);
        await _f.Service.SubmitAsync(Drafter, threadId, Token);
        await _f.Service.ApproveAsync(Approver, threadId, null, Token);
        var (thread, _) = await _f.Service.PublishAsync(Drafter, threadId, Token);
        await _f.Runner.WaitAsync(update.Identifier, Token);

        Assert.False(_f.Currency.IsCurrent(first.Identifier));
        Assert.True(_f.Currency.IsCurrent(update.Identifier));
        Assert.Equal(update.Identifier, thread.Thread.Current!.Id);
        Assert.Equal(WarningLevel.Orange, thread.Thread.Current.Level);
        Assert.Contains(_f.Sms.Calls, c => c.Content.VersionId == update.Identifier);
    }

    [Fact]
    public async Task DraftCancelAsync_ThenPublish_ClosesTheThreadWithItsReason()
    {
        var first = _f.Rainstorm(WarningLevel.Blue);
        var threadId = await PublishedAsync(first);
        var cancel = _f.Composer.ComposeCancel(Bureau, first, first, "降雨已减弱，解除预警。");

        await _f.Service.DraftCancelAsync(Drafter, threadId, cancel, Token);
        await _f.Service.SubmitAsync(Drafter, threadId, Token);
        await _f.Service.ApproveAsync(Drafter, threadId, null, Token);
        var (thread, _) = await _f.Service.PublishAsync(Drafter, threadId, Token);
        await _f.Runner.WaitAsync(cancel.Identifier, Token);

        Assert.Equal(WarningThreadState.Cancelled, thread.Thread.State);
        Assert.False(_f.Currency.IsCurrent(first.Identifier));
        Assert.Contains(_f.Sms.Calls, c => c.Content.VersionId == cancel.Identifier && c.Content.MsgType == MessageType.Cancel);
        Assert.Contains("解除", thread.Thread.Current!.Content.Infos[0].Headline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftCancelAsync_AfterUpdateNarrowedTheArea_ReachesEveryoneAnEarlierVersionWarned()
    {
        var first = _f.Composer.Compose(Bureau, new WarningDraft
        {
            EventType = "11B03",
            Level = WarningLevel.Blue,
            AreaCodes = [Street(0).Code, Street(1).Code],
            Description = "预计未来3小时内将出现50毫米以上降雨。",
        });
        var threadId = await PublishedAsync(first);
        var update = _f.Composer.ComposeUpdate(Bureau, new WarningDraft
        {
            EventType = "11B03",
            Level = WarningLevel.Blue,
            AreaCodes = [Street(0).Code],
            Description = "降雨区域收窄。",
        }, first);
        await _f.Service.DraftUpdateAsync(Drafter, threadId, update, Token);
        await _f.Service.SubmitAsync(Drafter, threadId, Token);
        await _f.Service.ApproveAsync(Drafter, threadId, null, Token);
        await _f.Service.PublishAsync(Drafter, threadId, Token);
        await _f.Runner.WaitAsync(update.Identifier, Token);

        var cancel = _f.Composer.ComposeCancel(Bureau, first, update, "降雨已减弱，解除预警。", [first, update]);
        await _f.Service.DraftCancelAsync(Drafter, threadId, cancel, Token);
        await _f.Service.SubmitAsync(Drafter, threadId, Token);
        await _f.Service.ApproveAsync(Drafter, threadId, null, Token);
        await _f.Service.PublishAsync(Drafter, threadId, Token);
        await _f.Runner.WaitAsync(cancel.Identifier, Token);

        int Reached(string versionId) => _f.Sms.Calls.Where(c => c.Content.VersionId == versionId).Sum(c => c.Recipients.Count);
        Assert.Contains(cancel.Infos[0].Areas, a => a.Geocodes.Any(g => g.Value.StartsWith(Street(1).Code, StringComparison.Ordinal)));
        Assert.True(Reached(first.Identifier) > Reached(update.Identifier), "the update should reach fewer people than the first release");
        Assert.Equal(Reached(first.Identifier), Reached(cancel.Identifier));
    }

    [Fact]
    public async Task GetAsync_AfterRestart_RestoresVersionsHistoryAndRules()
    {
        var created = await _f.Service.CreateAsync(Drafter, _f.Rainstorm(WarningLevel.Red), Token);
        await _f.Service.SubmitAsync(Drafter, created.Thread.ThreadId, Token);

        await _f.Restart();
        var restored = await _f.Service.GetAsync(created.Thread.ThreadId, Token);

        Assert.Equal(created.Thread.Versions[0].Content, restored.Thread.Versions[0].Content);
        Assert.Equal([LifecycleAction.Draft, LifecycleAction.Submit], restored.Thread.Versions[0].History.Select(h => h.Action));
        Assert.Equal(2, restored.Revision);
        var ex = await Assert.ThrowsAsync<IssuingException>(() =>
            _f.Service.ApproveAsync(Drafter, created.Thread.ThreadId, null, Token));
        Assert.Equal(LifecycleRule.TwoPersonRule, ex.Rule);
    }

    [Fact]
    public async Task Preview_UnknownAreaCode_RefusedByComposerAsNoAudience()
    {
        var ex = Assert.Throws<IssuingException>(() => _f.Rainstorm(WarningLevel.Blue, areaCode: "440199999"));

        Assert.Equal(IssuingError.NoAudience, ex.Error);
        Assert.Contains("440199999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpireAsync_BeforeAndAfterExpiry_OnlyExpiresWhenDueAndStopsTheVersion()
    {
        var first = _f.Rainstorm(WarningLevel.Blue) with { };
        first = first with { Infos = [first.Infos[0] with { Expires = TimeProvider.System.GetUtcNow().AddSeconds(-1) }] };
        var threadId = await PublishedAsync(first with
        {
            Infos = [first.Infos[0] with { Expires = TimeProvider.System.GetUtcNow().AddHours(1) }],
        });
        Assert.False(await _f.Service.ExpireAsync(threadId, Token)); // not due: still in force

        // Expiry one second after sending (times are whole seconds, and a version may not expire before it is sent).
        var expiring = _f.Rainstorm(WarningLevel.Blue);
        var expires = expiring.Sent.AddSeconds(1);
        var secondThread = await PublishedAsync(expiring with
        {
            Infos = [expiring.Infos[0] with { Expires = expires }],
        });
        while (TimeProvider.System.GetUtcNow() <= expires)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Token);
        }

        Assert.True(await _f.Service.ExpireAsync(secondThread, Token));
        Assert.Equal(WarningThreadState.Expired, (await _f.Service.GetAsync(secondThread, Token)).Thread.State);
        Assert.False(_f.Currency.IsCurrent(expiring.Identifier));
        Assert.False(await _f.Service.ExpireAsync(secondThread, Token)); // once only
        Assert.Contains(await _f.Store.GetActionLogAsync(0, Token), e => e.Action == "expire" && e.Actor == WarningService.SystemActor);
    }

    private async Task<string> PublishedAsync(WarningMessage content)
    {
        var created = await _f.Service.CreateAsync(Drafter, content, Token);
        var threadId = created.Thread.ThreadId;
        await _f.Service.SubmitAsync(Drafter, threadId, Token);
        await _f.Service.ApproveAsync(Drafter, threadId, null, Token);
        await _f.Service.PublishAsync(Drafter, threadId, Token);
        await _f.Runner.WaitAsync(content.Identifier, Token);
        return threadId;
    }
}
