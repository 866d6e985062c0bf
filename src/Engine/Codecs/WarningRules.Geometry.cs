using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class WarningRules
{
    private static void CheckArea(TargetArea area, string path, List<ValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(area.AreaDesc) && area.Polygons.Count == 0 && area.Circles.Count == 0 && area.Geocodes.Count == 0)
        {
            issues.Add(new ValidationIssue(path, IssueCodes.InvalidArea,
                "The area says nowhere: give an areaDesc and a polygon, circle or geocode."));
        }
        if (area.Ceiling is not null && area.Altitude is null)
        {
            issues.Add(new ValidationIssue($"{path}/ceiling", IssueCodes.InvalidArea,
                "'ceiling' is given without 'altitude'; CAP allows a ceiling only together with an altitude."));
        }
        for (var i = 0; i < area.Polygons.Count; i++)
        {
            CheckPolygon(area.Polygons[i], $"{path}/polygon[{i + 1}]", issues);
        }
        for (var i = 0; i < area.Circles.Count; i++)
        {
            CheckCircle(area.Circles[i], $"{path}/circle[{i + 1}]", issues);
        }
    }

    private static void CheckPolygon(GeoPolygon polygon, string path, List<ValidationIssue> issues)
    {
        if (polygon.Points.Count < 4)
        {
            issues.Add(new ValidationIssue(path, IssueCodes.InvalidPolygon,
                $"The polygon has {polygon.Points.Count} point(s); it needs at least 4, the last repeating the first."));
        }
        else if (!polygon.IsClosed)
        {
            issues.Add(new ValidationIssue(path, IssueCodes.InvalidPolygon,
                "The polygon is not closed: its last point must equal its first."));
        }
        foreach (var point in polygon.Points.Where(p => !p.IsValid).Take(1))
        {
            issues.Add(new ValidationIssue(path, IssueCodes.InvalidPolygon,
                $"The point {CapFormat.FormatPoint(point)} is out of range: latitude must be within ±90 and longitude within ±180."));
        }
    }

    private static void CheckCircle(GeoCircle circle, string path, List<ValidationIssue> issues)
    {
        if (circle.RadiusMetres < 0)
        {
            issues.Add(new ValidationIssue(path, IssueCodes.InvalidCircle, "The circle's radius is negative."));
        }
        if (!circle.Centre.IsValid)
        {
            issues.Add(new ValidationIssue(path, IssueCodes.InvalidCircle,
                $"The centre {CapFormat.FormatPoint(circle.Centre)} is out of range: latitude must be within ±90 and longitude within ±180."));
        }
    }
}
