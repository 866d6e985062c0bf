using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class AudienceGeometryTests
{
    // Square 23.10–23.20 N, 113.30–113.40 E.
    private static readonly GeoPolygon Square = Polygon((23.10m, 113.30m), (23.10m, 113.40m), (23.20m, 113.40m), (23.20m, 113.30m), (23.10m, 113.30m));

    // Right triangle with the hypotenuse from (23.10, 113.40) to (23.20, 113.30): its bounding box is the square above.
    private static readonly GeoPolygon Triangle = Polygon((23.10m, 113.30m), (23.10m, 113.40m), (23.20m, 113.30m), (23.10m, 113.30m));

    private static RecipientDirectory CreateSut(params Person[] people)
    {
        var builder = CreateBuilder();
        foreach (var person in people)
        {
            builder.Add(person);
        }
        return builder.Build();
    }

    private static AudienceResult Resolve(RecipientDirectory directory, GeoPolygon? polygon = null, GeoCircle? circle = null) =>
        directory.Audience.Resolve(new AudienceQuery
        {
            Channel = AudienceChannels.Sms,
            Polygons = polygon is null ? [] : [polygon],
            Circles = circle is null ? [] : [circle],
        });

    [Fact]
    public void Resolve_Polygon_SelectsPointsJustInsideNotJustOutside()
    {
        var directory = CreateSut(
            PersonAt("in", CommunityA1, 23.100_01m, 113.300_01m),
            PersonAt("in-far-corner", CommunityB1, 23.199_99m, 113.399_99m),
            PersonAt("out-south", CommunityA1, 23.099_99m, 113.35m),
            PersonAt("out-east", Neighbour, 23.15m, 113.400_01m));

        Assert.Equal(["in", "in-far-corner"], Ids(directory, Resolve(directory, Square)));
    }

    [Fact]
    public void Resolve_TriangleInsideItsBoundingBoxButOutsideTheRing_NotSelected()
    {
        var directory = CreateSut(
            PersonAt("inside", CommunityA1, 23.149m, 113.349m),
            PersonAt("box-only", CommunityA1, 23.151m, 113.351m),
            PersonAt("box-corner", CommunityA1, 23.199m, 113.399m));

        Assert.Equal(["inside"], Ids(directory, Resolve(directory, Triangle)));
    }

    [Fact]
    public void Resolve_Polygon_IgnoresRecipientsWithoutLocation()
    {
        var directory = CreateSut(PersonAt("nowhere", CommunityA1), PersonAt("here", CommunityA1, 23.15m, 113.35m));

        Assert.Equal(["here"], Ids(directory, Resolve(directory, Square)));
    }

    [Fact]
    public void Resolve_Circle_SelectsPointsJustInsideNotJustOutside()
    {
        const decimal metresPerDegree = 111_195.08m; // mean Earth radius 6 371 008.8 m
        var centre = new GeoPoint(23.15m, 113.35m);
        var directory = CreateSut(
            PersonAt("north-999m", CommunityA1, 23.15m + (999m / metresPerDegree), 113.35m),
            PersonAt("north-1001m", CommunityA1, 23.15m + (1001m / metresPerDegree), 113.35m),
            PersonAt("east-995m", CommunityA1, 23.15m, 113.35m + (995m / metresPerDegree / 0.91948m)),
            PersonAt("box-corner", CommunityA1, 23.15m + (900m / metresPerDegree), 113.35m + (900m / metresPerDegree / 0.91948m)));

        var result = Resolve(directory, circle: new GeoCircle(centre, 1000m));

        Assert.Equal(["east-995m", "north-999m"], Ids(directory, result));
    }

    [Fact]
    public void Resolve_AreaPolygonAndCircleTogether_UnionWithoutDuplicates()
    {
        var directory = CreateSut(
            PersonAt("both", CommunityA1, 23.15m, 113.35m),
            PersonAt("code-only", CommunityA2),
            PersonAt("shape-only", Neighbour, 23.12m, 113.32m),
            PersonAt("neither", Neighbour, 30m, 120m));
        var query = new AudienceQuery
        {
            Channel = AudienceChannels.Sms,
            AreaCodes = [StreetA],
            Polygons = [Square],
            Circles = [new GeoCircle(new GeoPoint(23.15m, 113.35m), 5000m)],
        };

        var result = directory.Audience.Resolve(query);

        Assert.Equal(["both", "code-only", "shape-only"], Ids(directory, result));
    }

    public static TheoryData<GeoPolygon> InvalidPolygons => new()
    {
        Polygon((23.1m, 113.3m), (23.1m, 113.4m), (23.2m, 113.4m), (23.2m, 113.3m)),
        Polygon((23.1m, 113.3m), (23.1m, 113.4m), (23.1m, 113.3m)),
        Polygon((23.1m, 113.3m), (23.2m, 113.4m), (23.1m, 113.4m), (23.2m, 113.3m), (23.1m, 113.3m)),
        Polygon((23.1m, 113.3m), (23.1m, 113.4m), (23.1m, 113.5m), (23.1m, 113.3m)),
        Polygon((95m, 113.3m), (23.1m, 113.4m), (23.2m, 113.4m), (95m, 113.3m)),
    };

    [Theory]
    [MemberData(nameof(InvalidPolygons))]
    public void Resolve_InvalidPolygon_Throws(GeoPolygon polygon)
    {
        var directory = CreateSut(PersonAt("x", CommunityA1, 23.15m, 113.35m));

        var error = Assert.Throws<AudienceTargetingException>(() => Resolve(directory, polygon));

        Assert.Equal(AudienceProblem.InvalidPolygon, Assert.Single(error.Problems).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Resolve_CircleWithoutPositiveRadius_Throws(int radius)
    {
        var directory = CreateSut(PersonAt("x", CommunityA1, 23.15m, 113.35m));

        var error = Assert.Throws<AudienceTargetingException>(
            () => Resolve(directory, circle: new GeoCircle(new GeoPoint(23.15m, 113.35m), radius)));

        Assert.Equal(AudienceProblem.InvalidCircle, Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void AddArea_InvalidBoundary_Throws()
    {
        var builder = CreateBuilder();
        var bowTie = Polygon((23.1m, 113.3m), (23.2m, 113.4m), (23.1m, 113.4m), (23.2m, 113.3m), (23.1m, 113.3m));

        Assert.Throws<ArgumentException>(() => builder.AddArea(new Area("440199001003", "bad", bowTie)));
    }
}
