using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// What makes a polygon or circle unusable for targeting: open or short rings, coordinates out of range,
/// zero area, edges that cross (a bow-tie ring has no clear inside).
/// </summary>
internal static class GeometryRules
{
    private const int MaxPointsForCrossingCheck = 2_000;

    public static AudienceProblem? Check(GeoPolygon polygon)
    {
        var points = polygon.Points;
        if (points.Count < 4)
        {
            return Invalid($"a ring needs at least 4 points (first = last), got {points.Count}");
        }
        if (points[0] != points[^1])
        {
            return Invalid("the ring is not closed (first point differs from last)");
        }
        foreach (var point in points)
        {
            if (!point.IsValid)
            {
                return Invalid($"point {point.Latitude},{point.Longitude} is out of range");
            }
        }
        var ring = PreparedRing.From(polygon);
        if (ring.Area == 0)
        {
            return Invalid("the ring has zero area");
        }
        // O(n²): a bound keeps a hostile 100 k-point polygon from stalling the validator.
        if (ring.Count <= MaxPointsForCrossingCheck && ring.HasCrossingEdges())
        {
            return Invalid("the ring crosses itself");
        }
        return null;
    }

    public static AudienceProblem? Check(GeoCircle circle)
    {
        if (!circle.Centre.IsValid)
        {
            return new(AudienceProblem.InvalidCircle, $"centre {circle.Centre.Latitude},{circle.Centre.Longitude} is out of range");
        }
        return circle.RadiusMetres is > 0 and <= 20_000_000
            ? null
            : new(AudienceProblem.InvalidCircle, $"radius {circle.RadiusMetres} m is not in (0, 20000 km]");
    }

    private static AudienceProblem Invalid(string detail) => new(AudienceProblem.InvalidPolygon, detail);
}
