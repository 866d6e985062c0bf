using Warning.Engine.Persistence;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    private static async Task AppendSampleActionsAsync(AuditStore store)
    {
        await store.AppendActionAsync("zhang.wei", "draft", "thread:T1/v1", "暴雨黄色预警", T0, Token);
        await store.AppendActionAsync("li.na", "approve", "thread:T1/v1", null, T0.AddMinutes(1), Token);
        await store.AppendActionAsync("li.na", "publish", "thread:T1/v1", "{\"channels\":[\"sms\"]}", T0.AddMinutes(2), Token);
        await store.AppendActionAsync("wang.fang", "sign-in", "user:wang.fang", null, T0.AddMinutes(3), Token);
    }

    [Fact]
    public async Task AppendActionAsync_Rows_AreChainedAndVerify()
    {
        var sut = await CreateSutAsync();

        await AppendSampleActionsAsync(sut);

        var rows = await sut.GetActionLogAsync(0, Token);
        Assert.Equal([1L, 2, 3, 4], rows.Select(r => r.Id));
        Assert.Equal(new string('0', 64), rows[0].PrevHash);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].Hash, rows[i].PrevHash);
        }

        Assert.Equal("暴雨黄色预警", rows[0].Details);
        Assert.Null(await sut.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task VerifyActionLogAsync_RowChangedInTheDatabase_NamesThatRow()
    {
        var sut = await CreateSutAsync();
        await AppendSampleActionsAsync(sut);

        await ExecuteSqlAsync("UPDATE action_log SET actor = 'zhao.lei' WHERE id = 2");

        Assert.Equal(2, await sut.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task VerifyActionLogAsync_RowDeleted_NamesTheRowAfterTheGap()
    {
        var sut = await CreateSutAsync();
        await AppendSampleActionsAsync(sut);

        await ExecuteSqlAsync("DELETE FROM action_log WHERE id = 2");

        Assert.Equal(3, await sut.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task VerifyActionLogAsync_EmptyLog_ReturnsNull()
    {
        var sut = await CreateSutAsync();

        Assert.Null(await sut.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task AppendActionAsync_ConcurrentAppends_KeepOneUnbrokenChain()
    {
        var sut = await CreateSutAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            sut.AppendActionAsync($"user{i}", "sign-in", $"user:user{i}", null, T0.AddSeconds(i), Token)));

        Assert.Equal(8, (await sut.GetActionLogAsync(0, Token)).Count);
        Assert.Null(await sut.VerifyActionLogAsync(Token));
    }

    [Fact]
    public async Task MigrateAsync_TwoNodesAtOnce_ApplyEachScriptOnce()
    {
        var store = await CreateStoreAsync(new AuditStoreOptions(), TimeProvider.System);

        await Task.WhenAll(store.MigrateAsync(Token), store.MigrateAsync(Token), store.MigrateAsync(Token));

        Assert.Equal(await CountAsync("SELECT COUNT(DISTINCT version) FROM schema_version"), await CountAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.True(await CountAsync("SELECT COUNT(*) FROM schema_version") >= 2, "every embedded script is applied");
        Assert.Null(await store.VerifyActionLogAsync(Token));
    }
}
