using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// The rules of CAP 1.2 (and of our domain) that an XML schema cannot express, checked on the model
/// so that both dialects get the same answers.
/// </summary>
public static partial class WarningRules
{
    /// <summary>Every rule broken by <paramref name="message"/>; paths are rooted at <paramref name="rootPath"/>.</summary>
    public static ValueList<ValidationIssue> Validate(WarningMessage message, string rootPath = "/alert")
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(rootPath);
        var issues = new List<ValidationIssue>();
        CheckIdentifiers(message, rootPath, issues);
        CheckReferences(message, rootPath, issues);
        CheckScope(message, rootPath, issues);
        CheckLifecycle(message, rootPath, issues);
        for (var i = 0; i < message.Infos.Count; i++)
        {
            CheckInfo(message, message.Infos[i], $"{rootPath}/info[{i + 1}]", issues);
        }
        return issues.ToValueList();
    }

    private static void CheckIdentifiers(WarningMessage message, string root, List<ValidationIssue> issues)
    {
        CheckIdentifier(message.Identifier, "identifier", root, issues);
        CheckIdentifier(message.Sender, "sender", root, issues);
    }

    private static void CheckIdentifier(string value, string name, string root, List<ValidationIssue> issues)
    {
        if (value.Any(ch => char.IsWhiteSpace(ch) || ch is ',' or '<' or '&'))
        {
            issues.Add(new ValidationIssue($"{root}/{name}", IssueCodes.InvalidIdentifier,
                $"The {name} '{value}' contains a space, comma, '<' or '&', which CAP forbids."));
        }
    }

    private static void CheckScope(WarningMessage message, string root, List<ValidationIssue> issues)
    {
        var hasRestriction = !string.IsNullOrWhiteSpace(message.Restriction);
        if (message.Scope == AlertScope.Restricted && !hasRestriction)
        {
            issues.Add(new ValidationIssue($"{root}/restriction", IssueCodes.ScopeMismatch,
                "A message with scope Restricted must say in 'restriction' who may receive it."));
        }
        else if (message.Scope != AlertScope.Restricted && hasRestriction)
        {
            issues.Add(new ValidationIssue($"{root}/restriction", IssueCodes.ScopeMismatch,
                $"'restriction' is only allowed with scope Restricted, but the scope is {message.Scope}."));
        }
        if (message.Scope == AlertScope.Private && string.IsNullOrWhiteSpace(message.Addresses))
        {
            issues.Add(new ValidationIssue($"{root}/addresses", IssueCodes.ScopeMismatch,
                "A message with scope Private must list its recipients in 'addresses'."));
        }
    }

    private static void CheckLifecycle(WarningMessage message, string root, List<ValidationIssue> issues)
    {
        if (message.MsgType is MessageType.Update or MessageType.Cancel && message.References.Count == 0)
        {
            issues.Add(new ValidationIssue($"{root}/references", IssueCodes.MissingElement,
                $"A {message.MsgType} must name in 'references' the earlier message(s) it applies to."));
        }
        if (message.MsgType == MessageType.Cancel && string.IsNullOrWhiteSpace(message.Note))
        {
            issues.Add(new ValidationIssue($"{root}/note", IssueCodes.MissingElement,
                "A Cancel should give its reason in 'note'.", IssueSeverity.Warning));
        }
    }
}
