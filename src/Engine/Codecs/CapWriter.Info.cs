using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class CapWriter
{
    private static XElement InfoElement(WarningInfo info, WarningMessage? carrier) =>
        new(Cap + "info",
            Optional("language", info.Language),
            CategoriesOf(info).Select(category => Element("category", category.ToString())),
            Element("event", info.Event),
            info.ResponseTypes.Select(type => Element("responseType", type.ToString())),
            Element("urgency", info.Urgency.ToString()),
            Element("severity", info.Severity.ToString()),
            Element("certainty", (info.Certainty == CapCertainty.VeryLikely ? CapCertainty.Likely : info.Certainty).ToString()),
            Optional("audience", info.Audience),
            EventCodes(info).Select(code => NamedValue("eventCode", code)),
            Optional("effective", info.Effective),
            Optional("onset", info.Onset),
            Optional("expires", info.Expires),
            Optional("senderName", info.SenderName),
            Optional("headline", info.Headline),
            Optional("description", info.Description),
            Optional("instruction", info.Instruction),
            Optional("web", info.Web),
            Optional("contact", info.Contact),
            Parameters(info, carrier).Select(parameter => NamedValue("parameter", parameter)),
            info.Resources.Select(ResourceElement),
            info.Areas.Select(AreaElement));

    private static XElement ResourceElement(WarningResource resource) =>
        new(Cap + "resource",
            Element("resourceDesc", resource.ResourceDesc),
            Element("mimeType", resource.MimeType ?? string.Empty),
            resource.Size is { } size ? Element("size", CapFormat.FormatLong(size)) : null,
            Optional("uri", resource.Uri),
            Optional("derefUri", resource.DerefUri),
            Optional("digest", resource.Digest));

    private static XElement AreaElement(TargetArea area) =>
        new(Cap + "area",
            Element("areaDesc", area.AreaDesc),
            area.Polygons.Select(polygon => Element("polygon", string.Join(' ', polygon.Points.Select(CapFormat.FormatPoint)))),
            area.Circles.Select(circle => Element("circle",
                $"{CapFormat.FormatPoint(circle.Centre)} {CapFormat.FormatDecimal(circle.RadiusMetres / 1000m)}")),
            area.Geocodes.Select(code => NamedValue("geocode", code)),
            Optional("altitude", area.Altitude),
            Optional("ceiling", area.Ceiling));

    /// <summary>
    /// CAP requires at least one category; 12379 messages usually carry none. The event type says which
    /// (暴雨 → Met, 地震 → Geo), and Other is the honest answer when it does not.
    /// </summary>
    private static ValueList<CapCategory> CategoriesOf(WarningInfo info) =>
        info.Categories.Count > 0 ? info.Categories
        : EventTypeCatalogue.TryGet(info.EventType, out var type) ? [type.Category]
        : [CapCategory.Other];
}
