namespace Warning.Engine.Codecs;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found in a warning document. <see cref="Path"/> names the element, e.g.
/// <c>/alert/info[1]/area[2]/polygon[1]</c> (1-based, as XPath counts); <see cref="Code"/> is stable
/// for programs (see <see cref="IssueCodes"/>); <see cref="Message"/> is for people.
/// </summary>
public sealed record ValidationIssue(string Path, string Code, string Message, IssueSeverity Severity = IssueSeverity.Error)
{
    public override string ToString() => $"{Severity} {Code} at {Path}: {Message}";
}
