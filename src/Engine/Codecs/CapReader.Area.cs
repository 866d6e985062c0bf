using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class CapReader
{
    // Far beyond any real circle (Earth's circumference is 40,075 km); it keeps km * 1000 from overflowing.
    private const decimal MaxRadiusKm = 1_000_000_000m;

    private static TargetArea ReadArea(XElement area, string p, CapReadContext c)
    {
        var polygons = new List<GeoPolygon>();
        var index = 0;
        foreach (var element in c.Children(area, "polygon"))
        {
            index++;
            if (TryParsePolygon(element.Value, out var polygon))
            {
                polygons.Add(polygon);
            }
            else
            {
                c.Report($"{p}/polygon[{index}]", IssueCodes.InvalidPolygon,
                    "The polygon is not a list of 'latitude,longitude' pairs separated by spaces.");
            }
        }
        var circles = new List<GeoCircle>();
        index = 0;
        foreach (var element in c.Children(area, "circle"))
        {
            index++;
            if (TryParseCircle(element.Value, out var circle))
            {
                circles.Add(circle);
            }
            else
            {
                c.Report($"{p}/circle[{index}]", IssueCodes.InvalidCircle,
                    $"'{element.Value.Trim()}' is not a circle: write 'latitude,longitude radius' with the radius in km, e.g. '-12.345,67.89 15.2'.");
            }
        }
        return new TargetArea
        {
            AreaDesc = c.Required(area, p, "areaDesc", null, "a text description of the area"),
            Polygons = polygons.ToValueList(),
            Circles = circles.ToValueList(),
            Geocodes = c.NamedValues(area, p, "geocode"),
            Altitude = c.Decimal(area, p, "altitude"),
            Ceiling = c.Decimal(area, p, "ceiling"),
        };
    }

    private static bool TryParsePolygon(string text, out GeoPolygon polygon)
    {
        var points = new List<GeoPoint>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParsePoint(token, out var point))
            {
                polygon = new GeoPolygon([]);
                return false;
            }
            points.Add(point);
        }
        polygon = new GeoPolygon(points.ToValueList());
        return points.Count > 0;
    }

    private static bool TryParseCircle(string text, out GeoCircle circle)
    {
        circle = new GeoCircle(default, 0m);
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length != 2 || !TryParsePoint(tokens[0], out var centre) || !CapFormat.TryParseDecimal(tokens[1], out var km)
            || Math.Abs(km) > MaxRadiusKm)
        {
            return false;
        }
        circle = new GeoCircle(centre, km * 1000m);
        return true;
    }

    private static bool TryParsePoint(string token, out GeoPoint point)
    {
        point = default;
        var parts = token.Split(',');
        if (parts.Length != 2
            || !CapFormat.TryParseDecimal(parts[0], out var latitude)
            || !CapFormat.TryParseDecimal(parts[1], out var longitude))
        {
            return false;
        }
        point = new GeoPoint(latitude, longitude);
        return true;
    }
}
