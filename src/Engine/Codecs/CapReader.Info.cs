using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class CapReader
{
    private static WarningInfo ReadInfo(XElement info, string p, CapReadContext c)
    {
        var categoryElements = c.Children(info, "category").ToList();
        if (categoryElements.Count == 0)
        {
            c.ReportMissing(p, "category", "language", "one or more of " + CapEnumNames.List<CapCategory>());
        }
        var categories = categoryElements
            .Select((e, i) => c.ParseEnum(e.Value, $"{p}/category[{i + 1}]", CapCategory.Other))
            .ToValueList();
        var responseTypes = c.Children(info, "responseType")
            .Select((e, i) => c.ParseEnum(e.Value, $"{p}/responseType[{i + 1}]", CapResponseType.None))
            .ToValueList();

        return new WarningInfo
        {
            Language = c.Text(info, "language")?.Trim(),
            Categories = categories,
            Event = c.Required(info, p, "event", "category"),
            ResponseTypes = responseTypes,
            Urgency = c.RequiredEnum(info, p, "urgency", "event", CapUrgency.Unknown),
            Severity = c.RequiredEnum(info, p, "severity", "urgency", CapSeverity.Unknown),
            Certainty = ReadCertainty(info, p, c),
            Audience = c.Text(info, "audience"),
            EventCodes = c.NamedValues(info, p, "eventCode"),
            Effective = c.Date(info, p, "effective"),
            Onset = c.Date(info, p, "onset"),
            Expires = c.Date(info, p, "expires"),
            SenderName = c.Text(info, "senderName"),
            Headline = c.Text(info, "headline"),
            Description = c.Text(info, "description"),
            Instruction = c.Text(info, "instruction"),
            Web = c.Text(info, "web"),
            Contact = c.Text(info, "contact"),
            Parameters = c.NamedValues(info, p, "parameter"),
            Resources = c.Children(info, "resource").Select((e, i) => ReadResource(e, $"{p}/resource[{i + 1}]", c)).ToValueList(),
            Areas = c.Children(info, "area").Select((e, i) => ReadArea(e, $"{p}/area[{i + 1}]", c)).ToValueList(),
        };
    }

    private static CapCertainty ReadCertainty(XElement info, string p, CapReadContext c)
    {
        // "Very Likely" was a CAP 1.0 value, deprecated in 1.1 and removed in 1.2.
        if (c.Dialect != WarningDialect.Cap12 && c.Child(info, "certainty")?.Value.Trim() == "Very Likely")
        {
            return CapCertainty.VeryLikely;
        }
        return c.RequiredEnum(info, p, "certainty", "severity", CapCertainty.Unknown);
    }

    private static WarningResource ReadResource(XElement resource, string p, CapReadContext c)
    {
        var resourceDesc = c.Required(resource, p, "resourceDesc", null, "a short description of the resource");

        // mimeType became required in CAP 1.2; 1.0 and 1.1 resources may lack it.
        var mimeType = c.Dialect == WarningDialect.Cap12
            ? c.Required(resource, p, "mimeType", "resourceDesc", "a MIME type such as image/png")
            : c.Text(resource, "mimeType");
        long? size = null;
        if (c.Text(resource, "size") is { } sizeText)
        {
            if (CapFormat.TryParseLong(sizeText, out var parsed))
            {
                size = parsed;
            }
            else
            {
                c.Report($"{p}/size", IssueCodes.InvalidValue, $"'{sizeText.Trim()}' is not a whole number of bytes.");
            }
        }
        return new WarningResource
        {
            ResourceDesc = resourceDesc,
            MimeType = mimeType,
            Size = size,
            Uri = c.Text(resource, "uri"),
            DerefUri = c.Text(resource, "derefUri"),
            Digest = c.Text(resource, "digest"),
        };
    }
}
