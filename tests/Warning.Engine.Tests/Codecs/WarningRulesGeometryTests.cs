using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class WarningRulesGeometryTests
{
    private static readonly WarningMessage Valid = ChineseWarningSample.Create();

    private static readonly GeoPoint A = new(23.1m, 113.3m);
    private static readonly GeoPoint B = new(23.2m, 113.3m);
    private static readonly GeoPoint C = new(23.2m, 113.4m);

    private static WarningMessage WithArea(TargetArea area) =>
        Valid with { Infos = [Valid.Infos[0] with { Areas = [Valid.Infos[0].Areas[0], area] }] };

    private static ValidationIssue SingleIssue(TargetArea area) => Assert.Single(WarningRules.Validate(WithArea(area)));

    [Fact]
    public void Validate_PolygonWithThreePoints_IsInvalidPolygon()
    {
        var issue = SingleIssue(new TargetArea { AreaDesc = "x", Polygons = [new GeoPolygon([A, B, A])] });

        Assert.Equal(IssueCodes.InvalidPolygon, issue.Code);
        Assert.Equal("/alert/info[1]/area[2]/polygon[1]", issue.Path);
    }

    [Fact]
    public void Validate_OpenPolygon_IsInvalidPolygon()
    {
        var issue = SingleIssue(new TargetArea { AreaDesc = "x", Polygons = [new GeoPolygon([A, B, C, B])] });

        Assert.Equal(IssueCodes.InvalidPolygon, issue.Code);
        Assert.Contains("not closed", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PolygonOutOfRange_IsInvalidPolygon()
    {
        var far = new GeoPoint(91m, 113m);

        var issue = SingleIssue(new TargetArea { AreaDesc = "x", Polygons = [new GeoPolygon([far, B, C, far])] });

        Assert.Equal(IssueCodes.InvalidPolygon, issue.Code);
        Assert.Contains("out of range", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClosedPolygonInRange_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(WithArea(new TargetArea { AreaDesc = "x", Polygons = [new GeoPolygon([A, B, C, A])] })));

    [Fact]
    public void Validate_NegativeRadius_IsInvalidCircle()
    {
        var issue = SingleIssue(new TargetArea { AreaDesc = "x", Circles = [new GeoCircle(A, -1m)] });

        Assert.Equal(IssueCodes.InvalidCircle, issue.Code);
        Assert.Equal("/alert/info[1]/area[2]/circle[1]", issue.Path);
    }

    [Fact]
    public void Validate_CircleCentreOutOfRange_IsInvalidCircle()
    {
        var issue = SingleIssue(new TargetArea { AreaDesc = "x", Circles = [new GeoCircle(new GeoPoint(23m, 181m), 10m)] });

        Assert.Equal(IssueCodes.InvalidCircle, issue.Code);
    }

    [Fact]
    public void Validate_ZeroRadiusCircle_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(WithArea(new TargetArea { AreaDesc = "x", Circles = [new GeoCircle(A, 0m)] })));

    [Fact]
    public void Validate_CeilingWithoutAltitude_IsInvalidArea()
    {
        var issue = SingleIssue(new TargetArea { AreaDesc = "x", Ceiling = 1000m });

        Assert.Equal(IssueCodes.InvalidArea, issue.Code);
        Assert.Equal("/alert/info[1]/area[2]/ceiling", issue.Path);
    }

    [Fact]
    public void Validate_CeilingWithAltitude_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(WithArea(new TargetArea { AreaDesc = "x", Altitude = 0m, Ceiling = 1000m })));

    [Fact]
    public void Validate_AreaWithNothing_IsInvalidArea()
    {
        var issue = SingleIssue(new TargetArea { AreaDesc = " " });

        Assert.Equal(IssueCodes.InvalidArea, issue.Code);
        Assert.Equal("/alert/info[1]/area[2]", issue.Path);
    }

    [Fact]
    public void Validate_AreaWithOnlyGeocode_HasNoIssue() =>
        Assert.Empty(WarningRules.Validate(WithArea(new TargetArea { AreaDesc = "", Geocodes = [new NamedValue(TargetArea.AdminCodeName, "440106")] })));
}
