using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class Gb12379Reader
{
    private static readonly string[] SeverityNames = [.. Enum.GetNames<WarningLevel>(), "Unknown"];

    private static WarningInfo? ReadInfo(XElement info, string path, List<ValidationIssue> issues)
    {
        var at = new Scope(info, path, "info", issues);
        var categories = info.Elements("category")
            .Select((c, i) => at.ParseEnum<CapCategory>(c.Value.Trim(), $"{path}/category[{i + 1}]", "category"))
            .ToList();
        var eventType = at.Required("eventType");
        CheckEventType(eventType, $"{path}/eventType", issues);
        var eventName = at.Trimmed("event") ?? EventFromType(eventType, $"{path}/event", issues);
        var urgency = at.Enum<CapUrgency>("urgency", required: false);
        var levelKnown = TryReadLevel(at, out var level);
        var certainty = at.Enum<CapCertainty>("certainty", required: false);
        var effective = at.Time("effective", required: false);
        var onset = at.Time("onset", required: false);
        var expires = at.Time("expires", required: false);
        var resources = info.Elements("resource").Select((r, i) => ReadResource(r, $"{path}/resource[{i + 1}]", issues)).ToList();
        var areas = info.Elements("area").Select((a, i) => ReadArea(a, $"{path}/area[{i + 1}]", issues)).ToList();
        if (areas.Count == 0)
        {
            issues.Add(Missing($"{path}/area", "area", "info"));
        }
        if (eventName is null || !levelKnown || categories.Contains(null) || resources.Contains(null) || areas.Contains(null))
        {
            return null;
        }
        return new WarningInfo
        {
            Language = at.Trimmed("language"),
            Categories = [.. categories.Select(c => c!.Value)],
            Event = eventName,
            EventType = eventType,
            Urgency = urgency ?? CapUrgency.Unknown,
            Level = level,
            Severity = level?.ToCapSeverity() ?? CapSeverity.Unknown,
            Certainty = certainty ?? CapCertainty.Unknown,
            Effective = effective,
            Onset = onset,
            Expires = expires,
            SenderName = at.Text("senderName"),
            Headline = at.Text("headline"),
            Description = at.Text("description"),
            Instruction = at.Text("instruction"),
            Web = at.Text("web"),
            Contact = at.Text("contact"),
            Resources = [.. resources.OfType<WarningResource>()],
            Areas = [.. areas.OfType<TargetArea>()],
        };
    }

    /// <summary>The colour is the 12379 severity; "Unknown" reads as no level. False when missing or invalid.</summary>
    private static bool TryReadLevel(Scope at, out WarningLevel? level)
    {
        level = null;
        var text = at.Required("severity");
        if (text is null)
        {
            return false;
        }
        if (string.Equals(text, "Unknown", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (TryParseName<WarningLevel>(text, out var colour))
        {
            level = colour;
            return true;
        }
        at.Issues.Add(InvalidValue($"{at.Path}/severity", "severity", text, SeverityNames));
        return false;
    }

    /// <summary>
    /// Real 12379 messages (the Henan gale warning among them) omit &lt;event&gt;: the code says what it is,
    /// so the name comes from the catalogue, with a warning rather than a refusal.
    /// </summary>
    private static string? EventFromType(string? eventType, string path, List<ValidationIssue> issues)
    {
        if (EventTypeCatalogue.TryGet(eventType, out var known))
        {
            issues.Add(new ValidationIssue(path, IssueCodes.MissingElement,
                $"<event> is missing; the name \"{known.ChineseName}\" was taken from eventType {known.Code}.",
                IssueSeverity.Warning));
            return known.ChineseName;
        }
        issues.Add(Missing(path, "event", "info"));
        return null;
    }

    private static void CheckEventType(string? eventType, string path, List<ValidationIssue> issues)
    {
        if (eventType is not null && !EventTypePattern().IsMatch(eventType))
        {
            issues.Add(new ValidationIssue(path, IssueCodes.InvalidEventType,
                $"<eventType> \"{eventType}\" is not a GB/T 35561 code: two digits, a capital letter, two digits (e.g. 11B03)."));
        }
    }

    private static WarningResource? ReadResource(XElement resource, string path, List<ValidationIssue> issues)
    {
        var at = new Scope(resource, path, "resource", issues);
        var desc = at.Required("resourceDesc");
        long? size = null;
        if (at.Trimmed("size") is { } sizeText)
        {
            if (long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
            {
                size = bytes;
            }
            else
            {
                issues.Add(new ValidationIssue($"{path}/size", IssueCodes.InvalidValue,
                    $"<size> \"{sizeText}\" is not a whole number of bytes."));
            }
        }
        return desc is null ? null : new WarningResource
        {
            ResourceDesc = desc,
            MimeType = at.Trimmed("mimeType"),
            Size = size,
            Uri = at.Trimmed("uri"),
            DerefUri = at.Trimmed("derefUri"),
            Digest = at.Trimmed("digest"),
        };
    }

    [GeneratedRegex("^[0-9]{2}[A-Z][0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex EventTypePattern();
}
