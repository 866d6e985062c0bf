using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class DirectoryStoreTests
{
    private static DirectoryStore CreateSut()
    {
        var store = new DirectoryStore();
        store.Replace(CreateBuilder());
        store.Update(b => b.Add(PersonAt("first", CommunityA1)));
        return store;
    }

    [Fact]
    public void Update_AddPerson_SwapsInNewVersionAndLeavesOldSnapshotAlone()
    {
        var store = CreateSut();
        var before = store.Current;

        var after = store.Update(b => b.Add(PersonAt("second", CommunityA2)));

        Assert.Same(after, store.Current);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(after.Version, after.Audience.Version);
        Assert.Equal(1, before.Audience.Resolve(Query(codes: District)).Count);
        Assert.Equal(2, after.Audience.Resolve(Query(codes: District)).Count);
    }

    [Fact]
    public void Update_RemoveThenAdd_NeverReusesAnIndex()
    {
        var store = CreateSut();
        store.Current.TryGetIndex("first", out var first);

        store.Update(b => b.Remove("first"));
        var after = store.Update(b => b.Add(PersonAt("second", CommunityA1)));

        after.TryGetIndex("second", out var second);
        Assert.NotEqual(first, second);
        Assert.Null(after[first]);
        Assert.Equal([second], after.Audience.Resolve(Query(codes: District)).Recipients);
    }

    [Fact]
    public void Update_ReplacePerson_KeepsIndexAndMovesArea()
    {
        var store = CreateSut();
        store.Current.TryGetIndex("first", out var index);

        var after = store.Update(b => b.Replace(PersonAt("first", CommunityB1)));

        Assert.Equal([index], after.Audience.Resolve(Query(codes: StreetB)).Recipients);
        Assert.True(after.Audience.Resolve(Query(codes: StreetA)).IsEmpty);
    }

    [Fact]
    public void Update_ChangeThatThrows_KeepsCurrentSnapshot()
    {
        var store = CreateSut();
        var before = store.Current;

        Assert.Throws<ArgumentException>(() => store.Update(b => b.Add(PersonAt("bad", "440199009001"))));

        Assert.Same(before, store.Current);
    }

    [Fact]
    public void DeputyOf_ResponsibleOfficial_ReturnsDeputyIndex()
    {
        var store = CreateSut();
        var directory = store.Update(b =>
        {
            b.Add(PersonAt("chief", CommunityA1) with { Roles = PersonRoles.ResponsibleOfficial, DeputyId = "deputy" });
            b.Add(PersonAt("deputy", CommunityA1) with { Roles = PersonRoles.Deputy });
        });
        directory.TryGetIndex("chief", out var chief);
        directory.TryGetIndex("deputy", out var deputy);

        Assert.Equal(deputy, directory.DeputyOf(chief));
        Assert.Null(directory.DeputyOf(deputy));
    }

    [Theory]
    [InlineData("12800000000")]
    [InlineData("1380000000")]
    [InlineData("+8613800000000")]
    public void Add_PhoneThatIsNotMainlandMobile_Throws(string phone)
    {
        var builder = CreateBuilder();

        Assert.Throws<ArgumentException>(() => builder.Add(PersonAt("x", CommunityA1, phone: phone)));
    }

    [Fact]
    public void AddArea_WithoutParent_Throws()
    {
        var builder = new DirectoryBuilder();

        Assert.Throws<ArgumentException>(() => builder.AddArea(new Area("440199001001", "orphan")));
    }
}
