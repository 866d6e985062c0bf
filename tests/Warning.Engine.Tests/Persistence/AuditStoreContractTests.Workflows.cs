using Warning.Engine.Persistence;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    private static WorkflowRecord Workflow(string threadId, string department = "qinglan-ema", string snapshot = "{}", int minute = 0) =>
        new(threadId, department, "Pending", "Actual", 4, "11B03", "青岚区应急管理局发布暴雨红色预警", "Draft", 0,
            T0, T0.AddMinutes(minute), snapshot);

    [Fact]
    public async Task TrySaveWorkflowAsync_NewThenUpdateWithReadRevision_SavesBothAndCountsRevisions()
    {
        var sut = await CreateSutAsync();

        Assert.True(await sut.TrySaveWorkflowAsync(Workflow("t1", snapshot: "{\"a\":1}"), 0, Token));
        Assert.True(await sut.TrySaveWorkflowAsync(Workflow("t1", snapshot: "{\"a\":2}", minute: 1), 1, Token));

        var stored = await sut.GetWorkflowAsync("t1", Token);
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Revision);
        Assert.Equal("{\"a\":2}", stored.Snapshot);
        Assert.Equal(T0.AddMinutes(1), stored.UpdatedAt);
        Assert.Equal("青岚区应急管理局发布暴雨红色预警", stored.Headline);
    }

    [Fact]
    public async Task TrySaveWorkflowAsync_StaleRevision_ReturnsFalseAndKeepsTheWinner()
    {
        var sut = await CreateSutAsync();
        await sut.TrySaveWorkflowAsync(Workflow("t1", snapshot: "first"), 0, Token);
        await sut.TrySaveWorkflowAsync(Workflow("t1", snapshot: "winner"), 1, Token);

        var saved = await sut.TrySaveWorkflowAsync(Workflow("t1", snapshot: "loser"), 1, Token);

        Assert.False(saved);
        Assert.Equal("winner", (await sut.GetWorkflowAsync("t1", Token))!.Snapshot);
    }

    [Fact]
    public async Task TrySaveWorkflowAsync_SameNewThreadTwice_SecondReturnsFalse()
    {
        var sut = await CreateSutAsync();
        await sut.TrySaveWorkflowAsync(Workflow("t1", snapshot: "one"), 0, Token);

        Assert.False(await sut.TrySaveWorkflowAsync(Workflow("t1", snapshot: "two"), 0, Token));
        Assert.Equal("one", (await sut.GetWorkflowAsync("t1", Token))!.Snapshot);
    }

    [Fact]
    public async Task ListWorkflowsAsync_ByDepartment_NewestFirstAndOnlyThatDepartment()
    {
        var sut = await CreateSutAsync();
        await sut.TrySaveWorkflowAsync(Workflow("old", minute: 1), 0, Token);
        await sut.TrySaveWorkflowAsync(Workflow("new", minute: 5), 0, Token);
        await sut.TrySaveWorkflowAsync(Workflow("other", department: "water-bureau", minute: 9), 0, Token);

        var listed = await sut.ListWorkflowsAsync("qinglan-ema", 10, Token);

        Assert.Equal(["new", "old"], listed.Select(w => w.ThreadId));
        Assert.Equal(3, (await sut.ListWorkflowsAsync(null, 10, Token)).Count);
        Assert.Single(await sut.ListWorkflowsAsync(null, 1, Token));
    }

    [Fact]
    public async Task GetWorkflowAsync_Unknown_ReturnsNull() =>
        Assert.Null(await (await CreateSutAsync()).GetWorkflowAsync("nope", Token));
}
