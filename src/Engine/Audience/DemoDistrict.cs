using System.Globalization;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// A synthetic district for the embedded default, demos and benchmarks: 青岚区 (fictional, code 440199), 12 streets
/// and 3 管理区 on a 5 × 3 grid, each cut into 8–16 communities or villages (12-digit codes) with rectangular
/// boundaries; people with phones, some WeChat openids, 5 % with e-mail, locations inside their community; 1–2 LED
/// signs and 2–4 broadcast terminals per community; a 责任人 with a deputy for the district, each street and each
/// community, all with e-mail and a WeCom userid; two grid workers per community; a broadcast-platform region per
/// street; the WeCom robots <see cref="Robots"/> and the webhook subscribers <see cref="WebhookSubscribers"/>.
/// Everything follows from the seed (System.Random(seed)).
/// </summary>
public static partial class DemoDistrict
{
    public const string DistrictCode = "440199";
    public const string DistrictName = "青岚区";
    public const decimal South = 23.10m;
    public const decimal North = 23.28m;
    public const decimal West = 113.30m;
    public const decimal East = 113.54m;
    private const int Columns = 5;
    private const int Rows = 3;
    private const double PublicEmailShare = 0.05;
    private const int ExtrasSeed = 0x5EED_E3A1;

    // Reserved for documentation (RFC 2606): a misconfigured real SMTP relay cannot deliver demo mail to anyone.
    private const string OfficialMailDomain = "yjj.qinglan.example";
    private const string PublicMailDomain = "mail.qinglan.example";

    private static readonly string[] StreetNames =
    [
        "云岭街道", "松涛街道", "翠湖街道", "望江街道", "石门街道", "桂香街道",
        "新桥街道", "东湾街道", "青竹街道", "南岗街道", "金沙街道", "白鹭街道",
        "北湖管理区", "凤凰山管理区", "莲塘管理区",
    ];

    /// <summary>The demo district as a directory snapshot (version 1); <paramref name="people"/> counts every person.</summary>
    public static RecipientDirectory Generate(int seed, int people = 300_000) => CreateBuilder(seed, people).Build();

    /// <summary>The demo district as a builder, for <see cref="DirectoryStore.Replace"/> or further changes.</summary>
    public static DirectoryBuilder CreateBuilder(int seed, int people = 300_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        var random = new Random(seed);
        var builder = new DirectoryBuilder(GroupCatalogue.Default);
        builder.AddArea(new Area(DistrictCode, DistrictName, Rectangle(South, West, North, East)));
        var communities = AddStreetsAndCommunities(builder, random);
        var officials = AddOfficials(builder, communities);
        AddDevices(builder, random, communities);
        AddPublic(builder, random, new Random(seed ^ ExtrasSeed), communities, people - officials);
        AddEndpoints(builder);
        return builder;
    }

    private static List<Area> AddStreetsAndCommunities(DirectoryBuilder builder, Random random)
    {
        var communities = new List<Area>();
        var height = (North - South) / Rows;
        var width = (East - West) / Columns;
        for (var s = 0; s < StreetNames.Length; s++)
        {
            var isManagementArea = s >= 12;
            var code = StreetCode(s);
            var south = South + (s / Columns * height);
            var west = West + (s % Columns * width);
            builder.AddArea(new Area(code, StreetNames[s], Rectangle(south, west, south + height, west + width)));
            var count = random.Next(8, 17);
            var cols = (int)Math.Ceiling(Math.Sqrt(count));
            var rows = (count + cols - 1) / cols;
            for (var c = 0; c < count; c++)
            {
                var cellSouth = south + (c / cols * height / rows);
                var cellWest = west + (c % cols * width / cols);
                var number = (isManagementArea ? 200 : 1) + c;
                var name = StreetNames[s][..2] + (isManagementArea ? $"第{c + 1}村" : $"第{c + 1}社区");
                var area = new Area(code + number.ToString("000", CultureInfo.InvariantCulture), name,
                    Rectangle(cellSouth, cellWest, cellSouth + (height / rows), cellWest + (width / cols)));
                builder.AddArea(area);
                communities.Add(area);
            }
        }
        return communities;
    }

    internal static GeoPolygon Rectangle(decimal south, decimal west, decimal north, decimal east)
    {
        south = Math.Round(south, 6);
        west = Math.Round(west, 6);
        north = Math.Round(north, 6);
        east = Math.Round(east, 6);
        return new GeoPolygon(
        [
            new GeoPoint(south, west), new GeoPoint(south, east), new GeoPoint(north, east),
            new GeoPoint(north, west), new GeoPoint(south, west),
        ]);
    }

    /// <summary>A point strictly inside the area's rectangle (2 % inset on each side).</summary>
    internal static GeoPoint PointIn(Area area, Random random)
    {
        var ring = area.Boundary!.Points;
        decimal south = ring[0].Latitude, west = ring[0].Longitude, north = ring[2].Latitude, east = ring[2].Longitude;
        var lat = south + ((north - south) * (0.02m + (0.96m * (decimal)random.NextDouble())));
        var lon = west + ((east - west) * (0.02m + (0.96m * (decimal)random.NextDouble())));
        return new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6));
    }
}
