using System.Globalization;
using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class Gb12379Writer
{
    private static XElement Info(WarningInfo info) => new("info",
        Optional("language", info.Language),
        info.Categories.Select(c => new XElement("category", c.ToString())),
        new XElement("event", info.Event),
        Optional("eventType", info.EventType),
        new XElement("urgency", info.Urgency.ToString()),
        new XElement("severity", info.Level?.ToString() ?? "Unknown"),
        new XElement("certainty", info.Certainty.ToString()),
        Optional("effective", info.Effective),
        Optional("onset", info.Onset),
        Optional("expires", info.Expires),
        Optional("senderName", info.SenderName),
        Optional("headline", info.Headline),
        Optional("description", info.Description),
        Optional("instruction", info.Instruction),
        Optional("web", info.Web),
        Optional("contact", info.Contact),
        info.Resources.Select(Resource),
        info.Areas.Select(Area));

    private static XElement Resource(WarningResource resource) => new("resource",
        new XElement("resourceDesc", resource.ResourceDesc),
        Optional("mimeType", resource.MimeType),
        resource.Size is { } size ? new XElement("size", size.ToString(CultureInfo.InvariantCulture)) : null,
        Optional("uri", resource.Uri),
        Optional("digest", resource.Digest));

    private static XElement Area(TargetArea area)
    {
        var adminCodes = string.Join(',', area.AdminCodes);
        return new XElement("area",
            new XElement("areaDesc", area.AreaDesc),
            area.Polygons.Select(p => new XElement("polygon", string.Join(' ', p.Points.Select(Point)))),
            area.Circles.Select(c => new XElement("circle", $"{Point(c.Centre)} {Number(c.RadiusMetres)}")),
            adminCodes.Length == 0 ? null : new XElement("geocode", adminCodes));
    }

    private static string Point(GeoPoint point) => $"{Number(point.Latitude)},{Number(point.Longitude)}";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
