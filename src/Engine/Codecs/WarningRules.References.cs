using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

public static partial class WarningRules
{
    private static void CheckReferences(WarningMessage message, string root, List<ValidationIssue> issues)
    {
        var path = $"{root}/references";
        foreach (var reference in message.References)
        {
            if (reference.Identifier == message.Identifier && (reference.Sender is null || reference.Sender == message.Sender))
            {
                issues.Add(new ValidationIssue(path, IssueCodes.CircularReference,
                    $"The message references itself ('{reference.Identifier}'); a message may only reference earlier ones."));
            }
            else if (reference.Sent > message.Sent)
            {
                issues.Add(new ValidationIssue(path, IssueCodes.PostdatedReference,
                    $"The referenced message '{reference.Identifier}' was sent after this one; check both times.",
                    IssueSeverity.Warning));
            }
        }
    }
}
