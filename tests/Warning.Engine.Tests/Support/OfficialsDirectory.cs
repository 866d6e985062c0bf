using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Support;

/// <summary>
/// A small directory for 叫应 tests: the district 青岚区 (440106) and three streets, each with a 责任人 and a deputy
/// (phones 1390000000N and 1391000000N, N = 0 for the district), and a Red warning for the three streets.
/// </summary>
internal static class OfficialsDirectory
{
    public const string District = "440106";

    public static readonly string[] Streets = ["440106001", "440106002", "440106003"];

    public static string OfficialPhone(int n) => $"1390000000{n}";

    public static string DeputyPhone(int n) => $"1391000000{n}";

    public static string Official(string area) => $"OFF-{area}-1";

    public static string Deputy(string area) => $"OFF-{area}-2";

    public static RecipientDirectory Build(bool deputies = true)
    {
        var builder = new DirectoryBuilder();
        builder.AddArea(new Area(District, "青岚区"));
        AddPair(builder, District, "青岚区", 0, deputies);
        string[] names = ["东湖街道", "西山街道", "南岭街道"];
        for (var i = 0; i < Streets.Length; i++)
        {
            builder.AddArea(new Area(Streets[i], names[i]));
            AddPair(builder, Streets[i], names[i], i + 1, deputies);
        }
        builder.Add(new Person { Id = "P1", Phone = "13700000001", AreaCode = Streets[0] });
        return builder.Build();
    }

    public static WarningMessage Warning(string id = "v1", WarningLevel level = WarningLevel.Red,
        AlertStatus status = AlertStatus.Actual, params string[] areas) => new()
        {
            Identifier = id,
            Sender = "qinglan-met",
            Sent = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(8)),
            Status = status,
            Infos =
            [
                new WarningInfo
                {
                    Event = "暴雨",
                    Level = level,
                    Headline = $"青岚区气象台发布暴雨{level.ChineseColour()}预警",
                    Areas = [.. (areas.Length > 0 ? areas : Streets).Select(code =>
                        new TargetArea { AreaDesc = code, Geocodes = [new NamedValue(TargetArea.AdminCodeName, code)] })],
                },
            ],
        };

    private static void AddPair(DirectoryBuilder builder, string area, string name, int n, bool deputies)
    {
        builder.Add(new Person
        {
            Id = Official(area),
            Name = $"{name}责任人",
            Phone = OfficialPhone(n),
            WeChatOpenId = $"oOfficial{n}",
            AreaCode = area,
            Groups = [GroupCatalogue.Officials],
            Roles = PersonRoles.ResponsibleOfficial,
            DeputyId = deputies ? Deputy(area) : null,
        });
        if (deputies)
        {
            builder.Add(new Person
            {
                Id = Deputy(area),
                Name = $"{name}副责任人",
                Phone = DeputyPhone(n),
                WeChatOpenId = $"oDeputy{n}",
                AreaCode = area,
                Groups = [GroupCatalogue.Officials],
                Roles = PersonRoles.Deputy,
            });
        }
    }
}
