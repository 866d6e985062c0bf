using System.Text;
using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class DirectoryCsvImporterTests
{
    private const string PeopleHeader = "id,name,phone,openid,language,area,lat,lon,groups,roles,deputy,optout";

    [Fact]
    public void ImportPeople_GoodAndBadRows_ImportsGoodAndReportsBadWithLines()
    {
        var csv = string.Join("\n",
            PeopleHeader,
            "p1,张三,13800000001,,zh-CN,440199001001,23.15,113.35,,,,",
            "p2,李四,12800000002,,zh-CN,440199001001,,,,,,",
            "p3,王五,13900000003,oX,,440199777001,,,,,,",
            "p4,赵六,13700000004,,,440199001002,95,113.35,,,,",
            "p5,钱七,,oY,en,440199002001,,,officials;volunteers,responsible,p1,wechat",
            "p6,孙八,13600000006,,,440199002001,,,pilots,,,",
            "p1,重复,13500000007,,,440199002001,,,,,,");
        var builder = CreateBuilder();

        var report = DirectoryCsvImporter.ImportPeople(new StringReader(csv), builder, TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Imported);
        Assert.Equal(5, report.Rejected);
        Assert.Equal([(3, "phone"), (4, "area"), (5, "lat"), (7, "groups"), (8, "id")],
            report.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(report.Errors, e => Assert.False(string.IsNullOrEmpty(e.Chinese)));
        var directory = builder.Build();
        Assert.True(directory.TryGetIndex("p5", out var p5));
        var official = Assert.IsType<Person>(directory[p5]);
        Assert.Equal(PersonRoles.ResponsibleOfficial, official.Roles);
        Assert.Equal(["officials", "volunteers"], official.Groups);
        Assert.Equal(["wechat"], official.OptedOutChannels);
        Assert.Equal(2, directory.Audience.Resolve(Query(codes: District) with { Channel = AudienceChannels.WeChat, IgnoreOptOuts = true }).Count
            + directory.Audience.Resolve(Query(codes: District)).Count);
    }

    [Fact]
    public void ImportPeople_QuotedFieldsCrlfAndLineBreaks_ParsedAndLinesCounted()
    {
        var csv = PeopleHeader + "\r\n"
            + "q1,\"张, \"\"小\"\" 三\",13800000001,,,440199001001,,,,,,\r\n"
            + "\r\n"
            + "q2,\"两行\r\n名字\",13800000002,,,440199001001,,,,,,\r\n"
            + "q3,x,1380000000,,,440199001001,,,,,,\r\n";
        var builder = CreateBuilder();

        var report = DirectoryCsvImporter.ImportPeople(new StringReader(csv), builder, TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Imported);
        Assert.Equal(6, Assert.Single(report.Errors).Line);
        var directory = builder.Build();
        directory.TryGetIndex("q1", out var q1);
        directory.TryGetIndex("q2", out var q2);
        Assert.Equal("张, \"小\" 三", ((Person)directory[q1]!).Name);
        Assert.Equal("两行\r\n名字", ((Person)directory[q2]!).Name);
    }

    [Fact]
    public void ImportPeople_FromUtf8StreamWithBom_Imports()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            PeopleHeader + "\ns1,,13800000001,,,440199001001,,,,,,\n")).ToArray();
        var builder = CreateBuilder();

        var report = DirectoryCsvImporter.ImportPeople(new MemoryStream(bytes), builder, TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Imported);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void ImportPeople_MissingRequiredColumn_ImportsNothing()
    {
        var builder = CreateBuilder();

        var report = DirectoryCsvImporter.ImportPeople(new StringReader("id,phone\nx,13800000000\n"), builder, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Imported);
        var error = Assert.Single(report.Errors);
        Assert.Equal((1, "area"), (error.Line, error.Column));
        Assert.Equal(0, builder.IndexCount);
    }

    [Fact]
    public void ImportPeople_UnterminatedQuote_RejectsLastRow()
    {
        var builder = CreateBuilder();
        var csv = PeopleHeader + "\nu1,\"open,13800000001,,,440199001001,,,,,,\n";

        var report = DirectoryCsvImporter.ImportPeople(new StringReader(csv), builder, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Imported);
        Assert.Equal(2, report.Errors[0].Line);
    }

    [Fact]
    public void ImportDevices_GoodAndBadRows_ImportsGoodAndReportsBad()
    {
        var csv = "id,kind,area,lat,lon,led_lines,led_chars\n"
            + "led-1,led,440199001001,23.15,113.35,2,16\n"
            + "bc-1,broadcast,440199001002,,,,\n"
            + "x-1,siren,440199001002,,,,\n"
            + "led-2,led,440199001001,23.15,200,2,16\n"
            + "led-3,led,440199001001,,,two,16\n";
        var builder = CreateBuilder();

        var report = DirectoryCsvImporter.ImportDevices(new StringReader(csv), builder, TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Imported);
        Assert.Equal([(4, "kind"), (5, "lon"), (6, "led_lines")], report.Errors.Select(e => (e.Line, e.Column)));
        var directory = builder.Build();
        Assert.Equal(["led-1"], Ids(directory, directory.Audience.Resolve(Query(AudienceChannels.Led, District))));
        directory.TryGetIndex("led-1", out var led);
        Assert.Equal(32, ((Device)directory[led]!).TextCapacity);
    }
}
