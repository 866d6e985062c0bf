using System.Text.RegularExpressions;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class WarningRules
{
    private static void CheckInfo(WarningMessage message, WarningInfo info, string path, List<ValidationIssue> issues)
    {
        if (info.Language is { } language && !LanguageTag().IsMatch(language))
        {
            issues.Add(new ValidationIssue($"{path}/language", IssueCodes.InvalidLanguage,
                $"'{language}' is not an RFC 3066 language tag such as zh-CN or en-US."));
        }
        if (info.EventType is { } eventType && !EventTypeCode().IsMatch(eventType))
        {
            issues.Add(new ValidationIssue($"{path}/eventCode", IssueCodes.InvalidEventType,
                $"'{eventType}' is not a GB/T 35561 event type code: two digits, a capital letter, two digits (e.g. 11B03)."));
        }
        var start = info.Effective ?? message.Sent;
        if (info.Expires is { } expires && expires < start)
        {
            var what = info.Effective is null ? "the time the message was sent" : "it takes effect";
            issues.Add(new ValidationIssue($"{path}/expires", IssueCodes.InvalidValue,
                $"The warning expires ({CapFormat.FormatDateTime(expires)}) before {what} ({CapFormat.FormatDateTime(start)})."));
        }
        for (var i = 0; i < info.Areas.Count; i++)
        {
            CheckArea(info.Areas[i], $"{path}/area[{i + 1}]", issues);
        }
    }

    [GeneratedRegex("^([a-zA-Z]{1,8})(-[a-zA-Z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[0-9]{2}[A-Z][0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex EventTypeCode();
}
