using Warning.Engine.Codecs;

namespace Warning.Admin.Contracts;

/// <summary>One validation issue as the API returns it.</summary>
public sealed record IssueDto(string Path, string Code, string Message, string Severity)
{
    public static IssueDto From(ValidationIssue issue) =>
        new(issue.Path, issue.Code, issue.Message, issue.Severity.ToString().ToLowerInvariant());
}
