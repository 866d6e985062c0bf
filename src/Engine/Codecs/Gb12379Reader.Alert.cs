using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class Gb12379Reader
{
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n'];

    /// <summary>Every <c>code/method</c> block, in document order.</summary>
    private static ValueList<ChannelDirective> ReadChannels(XElement alert, List<ValidationIssue> issues)
    {
        var channels = new List<ChannelDirective>();
        var codeIndex = 0;
        foreach (var code in alert.Elements("code"))
        {
            codeIndex++;
            var methodIndex = 0;
            foreach (var method in code.Elements("method"))
            {
                methodIndex++;
                var at = new Scope(method, $"{Root}/code[{codeIndex}]/method[{methodIndex}]", "method", issues);
                var name = at.Required("methodName");
                if (name is null)
                {
                    continue;
                }
                // An empty <message> means "use the description"; a real Henan feed spells audiencePrt "audenceprt".
                var text = at.Text("message") is { } m && !string.IsNullOrWhiteSpace(m) ? m : null;
                var persons = at.Text("audiencePrt") ?? at.Text("audenceprt");
                channels.Add(new ChannelDirective(name, text, SplitCommas(at.Text("audienceGrp")), SplitCommas(persons)));
            }
        }
        return [.. channels];
    }

    /// <summary>12379 references the thread's first release by identifier; several are space-separated.</summary>
    private static ValueList<MessageReference> ReadReferences(string? text) =>
        text is null
            ? []
            : [.. text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries)
                .Select(id => new MessageReference(null, id, GbIdentifier.TryParse(id, out var gb) ? gb.SentAt : null))];

    private static ValueList<string> SplitCommas(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static void CheckIdentifier(string? identifier, List<ValidationIssue> issues)
    {
        if (identifier is not null && !GbIdentifier.TryParse(identifier, out _))
        {
            issues.Add(new ValidationIssue($"{Root}/identifier", IssueCodes.InvalidIdentifier,
                $"\"{identifier}\" is not in the GB/T 35965.1 form {{14-digit sender code}}_{{yyyyMMddHHmmss}}_{{N}}; " +
                "it is accepted, but the 12379 platform may refuse it.", IssueSeverity.Warning));
        }
    }

    private static void CheckSenderCode(string? senderCode, List<ValidationIssue> issues)
    {
        if (senderCode is not null && !GbIdentifier.IsValidSenderCode(senderCode))
        {
            issues.Add(new ValidationIssue($"{Root}/senderCode", IssueCodes.InvalidValue,
                $"<senderCode> \"{senderCode}\" is not 14 digits (6-digit admin code, 3-digit organisation code, " +
                "3-digit internal code, 2-digit extension)."));
        }
    }
}
