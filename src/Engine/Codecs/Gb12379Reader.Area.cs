using System.Globalization;
using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class Gb12379Reader
{
    private static TargetArea? ReadArea(XElement area, string path, List<ValidationIssue> issues)
    {
        var at = new Scope(area, path, "area", issues);
        var desc = at.Required("areaDesc");
        var polygons = new List<GeoPolygon>();
        var circles = new List<GeoCircle>();
        var index = 0;
        // Empty <polygon/> and <circle/> appear in real feeds; they mean "none".
        foreach (var polygon in area.Elements("polygon"))
        {
            index++;
            if (polygon.Value.Trim() is { Length: > 0 } text)
            {
                AddIfParsed(polygons, ParsePolygon(text), issues, $"{path}/polygon[{index}]", IssueCodes.InvalidPolygon,
                    $"<polygon> \"{text}\" is not a list of at least two \"lat,lon\" pairs separated by spaces.");
            }
        }
        index = 0;
        foreach (var circle in area.Elements("circle"))
        {
            index++;
            if (circle.Value.Trim() is { Length: > 0 } text)
            {
                AddIfParsed(circles, ParseCircle(text), issues, $"{path}/circle[{index}]", IssueCodes.InvalidCircle,
                    $"<circle> \"{text}\" is not \"lat,lon radius\" with the radius in metres.");
            }
        }
        var geocodes = area.Elements("geocode")
            .SelectMany(g => SplitCommas(g.Value))
            .Select(code => new NamedValue(TargetArea.AdminCodeName, code));
        return desc is null ? null : new TargetArea
        {
            AreaDesc = desc,
            Polygons = [.. polygons],
            Circles = [.. circles],
            Geocodes = [.. geocodes],
        };
    }

    private static void AddIfParsed<T>(List<T> items, T? item, List<ValidationIssue> issues, string path, string code, string message)
        where T : class
    {
        if (item is null)
        {
            issues.Add(new ValidationIssue(path, code, message));
        }
        else
        {
            items.Add(item);
        }
    }

    /// <summary>Closed rings (areas) and open lines both occur in 12379; closure is left to the rules.</summary>
    private static GeoPolygon? ParsePolygon(string text)
    {
        var points = new List<GeoPoint>();
        foreach (var pair in text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParsePoint(pair) is not { } point)
            {
                return null;
            }
            points.Add(point);
        }
        return points.Count >= 2 ? new GeoPolygon([.. points]) : null;
    }

    private static GeoCircle? ParseCircle(string text)
    {
        var parts = text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && ParsePoint(parts[0]) is { } centre && ParseNumber(parts[1]) is { } radius and >= 0m
            ? new GeoCircle(centre, radius)
            : null;
    }

    private static GeoPoint? ParsePoint(string pair)
    {
        var parts = pair.Split(',');
        return parts.Length == 2 && ParseNumber(parts[0]) is { } lat && ParseNumber(parts[1]) is { } lon
            && new GeoPoint(lat, lon) is { IsValid: true } point
            ? point
            : null;
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
