using Warning.Engine.Acknowledgement;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Acknowledgement;

/// <summary>Who must answer a version: officials selected by admin code, polygon or circle.</summary>
public sealed class OfficialRosterTests
{
    private static readonly GeoPoint East = new(23.10m, 113.30m);
    private static readonly GeoPoint West = new(23.50m, 113.90m);

    private static OfficialRoster CreateSut()
    {
        var builder = new DirectoryBuilder();
        builder.AddArea(new Area("440106", "青岚区"));
        builder.AddArea(new Area("440106001", "东湖街道"));
        builder.AddArea(new Area("440106002", "西山街道"));
        builder.AddArea(new Area("440106003", "南岭街道"));
        builder.Add(Official("OFF-EAST", "440106001", East));
        builder.Add(Official("OFF-WEST", "440106002", West));
        builder.Add(Official("OFF-SOUTH", "440106003", location: null));
        builder.Add(new Person { Id = "P1", Phone = "13700000001", AreaCode = "440106001", Location = East });
        return new OfficialRoster(builder.Build());
    }

    private static Person Official(string id, string area, GeoPoint? location) => new()
    {
        Id = id,
        Phone = "13900000000",
        AreaCode = area,
        Location = location,
        Groups = [GroupCatalogue.Officials],
        Roles = PersonRoles.ResponsibleOfficial,
    };

    private static WarningMessage Targeting(TargetArea area) => new()
    {
        Identifier = "v1",
        Sender = "qinglan-met",
        Sent = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(8)),
        Infos = [new WarningInfo { Event = "暴雨", Level = WarningLevel.Red, Areas = [area] }],
    };

    private static GeoPolygon SquareAround(GeoPoint centre, decimal half) => new([
        new(centre.Latitude - half, centre.Longitude - half), new(centre.Latitude - half, centre.Longitude + half),
        new(centre.Latitude + half, centre.Longitude + half), new(centre.Latitude + half, centre.Longitude - half),
        new(centre.Latitude - half, centre.Longitude - half)]);

    [Fact]
    public void ResponsibleFor_CircleAroundOneOfficial_SelectsOnlyThatOfficial()
    {
        var sut = CreateSut();

        var officials = sut.ResponsibleFor(Targeting(new TargetArea { AreaDesc = "水库下游", Circles = [new GeoCircle(East, 2000m)] }));

        Assert.Equal(["OFF-EAST"], officials.Select(o => o.Id));
    }

    [Fact]
    public void ResponsibleFor_PolygonAroundOneOfficial_SelectsOnlyThatOfficial()
    {
        var sut = CreateSut();

        var officials = sut.ResponsibleFor(Targeting(new TargetArea { AreaDesc = "山洪沟", Polygons = [SquareAround(West, 0.05m)] }));

        Assert.Equal(["OFF-WEST"], officials.Select(o => o.Id));
    }

    [Fact]
    public void ResponsibleFor_AdminCodeAndCircle_SelectsTheUnionEachOnce()
    {
        var sut = CreateSut();
        var area = new TargetArea
        {
            AreaDesc = "南岭街道及东湖水库",
            Geocodes = [new NamedValue(TargetArea.AdminCodeName, "440106003"), new NamedValue(TargetArea.AdminCodeName, "440106001")],
            Circles = [new GeoCircle(East, 2000m)],
        };

        var officials = sut.ResponsibleFor(Targeting(area));

        Assert.Equal(["OFF-EAST", "OFF-SOUTH"], officials.Select(o => o.Id));
    }

    [Fact]
    public void ResponsibleFor_ShapeAwayFromEveryOfficial_SelectsNobody()
    {
        var sut = CreateSut();

        var officials = sut.ResponsibleFor(Targeting(new TargetArea
        {
            AreaDesc = "远处",
            Circles = [new GeoCircle(new GeoPoint(30m, 120m), 5000m)],
        }));

        Assert.Empty(officials);
    }
}
