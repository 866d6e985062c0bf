using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

/// <summary>The CSV columns added with the nine channels: e-mail and WeCom userid for people, and the endpoint file.</summary>
public sealed class DirectoryCsvEndpointTests
{
    private const string PeopleHeader = "id,name,phone,openid,email,wecom_userid,area";
    private const string EndpointHeader = "id,channel,address,name,area,lat,lon,groups,subareas";

    private static CsvImportReport ImportPeople(DirectoryBuilder builder, params string[] rows) =>
        DirectoryCsvImporter.ImportPeople(new StringReader(string.Join("\n", [PeopleHeader, .. rows])), builder,
            TestContext.Current.CancellationToken);

    private static CsvImportReport ImportEndpoints(DirectoryBuilder builder, params string[] rows) =>
        DirectoryCsvImporter.ImportEndpoints(new StringReader(string.Join("\n", [EndpointHeader, .. rows])), builder,
            TestContext.Current.CancellationToken);

    [Fact]
    public void ImportPeople_EmailAndWeComColumns_ReachableOnBothChannels()
    {
        var builder = CreateBuilder();

        var report = ImportPeople(builder, "o1,张伟,,,zhang.wei@yjj.qinglan.example,zhang.wei,440199001001");

        Assert.False(report.HasErrors);
        var directory = builder.Build();
        directory.TryGetIndex("o1", out var index);
        Assert.True(directory.TryGetAddress(index, AudienceChannels.Email, out var email));
        Assert.True(directory.TryGetAddress(index, AudienceChannels.WeCom, out var userId));
        Assert.Equal(("zhang.wei@yjj.qinglan.example", "zhang.wei"), (email, userId));
    }

    [Fact]
    public void ImportPeople_MalformedEmail_RowRejectedNamingColumnAndValue()
    {
        var builder = CreateBuilder();

        var report = ImportPeople(builder,
            "o1,张伟,13800000001,,zhang.wei@qinglan,,440199001001",
            "o2,李娜,13800000002,,li.na@yjj.qinglan.example,,440199001001");

        Assert.Equal((1, 1), (report.Imported, report.Rejected));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "email"), (error.Line, error.Column));
        Assert.Contains("zhang.wei@qinglan", error.English, StringComparison.Ordinal);
        Assert.Contains("电子邮箱", error.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPeople_MalformedWeComUserId_RowRejected()
    {
        var builder = CreateBuilder();

        var report = ImportPeople(builder, "o1,张伟,,,,@all,440199001001");

        Assert.Equal((2, "wecom_userid"), (report.Errors[0].Line, report.Errors[0].Column));
        Assert.Equal(0, report.Imported);
    }

    [Fact]
    public void ImportEndpoints_GoodRows_ImportedWithDefaults()
    {
        var builder = CreateBuilder();

        var report = ImportEndpoints(builder,
            "ebr-a,broadcast-platform,,云岭应急广播,440199001,,,,",
            "robot-duty,wecom-robot,duty-room,值班室,440199,,,officials,yes",
            "hook-media,WEBHOOK,media-hub,,440199,,,,no");

        Assert.False(report.HasErrors);
        var directory = builder.Build();
        directory.TryGetIndex("ebr-a", out var region);
        directory.TryGetIndex("robot-duty", out var robot);
        directory.TryGetIndex("hook-media", out var hook);
        Assert.Equal(StreetA, Assert.IsType<Endpoint>(directory[region]).Address);
        Assert.True(Assert.IsType<Endpoint>(directory[robot]).ReceivesSubareaWarnings);
        Assert.Equal([GroupCatalogue.Officials], ((Endpoint)directory[robot]!).Groups);
        Assert.Equal(AudienceChannels.Webhook, ((Endpoint)directory[hook]!).Channel);
        Assert.Equal(["robot-duty"], Ids(directory, directory.Audience.Resolve(Query(AudienceChannels.WeComRobot, CommunityA1))));
    }

    [Fact]
    public void ImportEndpoints_BadRows_EachRejectedWithItsColumn()
    {
        var builder = CreateBuilder();

        var report = ImportEndpoints(builder,
            "e1,sms,duty-room,,440199,,,,",
            "e2,wecom-robot,,,440199,,,,",
            "e3,wecom-robot,duty:room,,440199,,,,",
            "e4,broadcast-platform,440199002,,440199001,,,,",
            "e5,webhook,media-hub,,440199,,,,sometimes",
            "e6,webhook,media-hub,,440199,,,pilots,",
            "e7,webhook,media-hub,,440199777,,,,",
            "e8,webhook,media-hub,,440199,,,,");

        Assert.Equal((1, 7), (report.Imported, report.Rejected));
        Assert.Equal([(2, "channel"), (3, "address"), (4, "address"), (5, "address"), (6, "subareas"), (7, "groups"), (8, "area")],
            report.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void ImportEndpoints_MissingChannelColumn_ImportsNothing()
    {
        var builder = CreateBuilder();

        var report = DirectoryCsvImporter.ImportEndpoints(new StringReader("id,area\ne1,440199\n"), builder,
            TestContext.Current.CancellationToken);

        Assert.Equal((1, "channel"), (Assert.Single(report.Errors).Line, report.Errors[0].Column));
        Assert.Equal(0, builder.IndexCount);
    }
}
