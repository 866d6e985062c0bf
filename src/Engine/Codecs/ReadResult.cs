using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// What a reader made of a document: the message when it could be mapped, and every issue found.
/// A reader never throws on bad input; it returns issues.
/// </summary>
public sealed record ReadResult(WarningMessage? Message, WarningDialect? Dialect, ValueList<ValidationIssue> Issues)
{
    public bool IsValid => Message is not null && !Issues.Any(i => i.Severity == IssueSeverity.Error);

    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);

    public static ReadResult Failed(WarningDialect? dialect, params ValidationIssue[] issues) =>
        new(null, dialect, [.. issues]);
}
