using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Admin.Contracts;

/// <summary>The answer of <c>POST /api/cap/validate</c>: the dialect, the issues, and the warning when it is valid.</summary>
public sealed record ValidationResponse(bool Valid, string? Dialect, IReadOnlyList<IssueDto> Errors,
    IReadOnlyList<IssueDto> Warnings, WarningMessage? Warning)
{
    public static ValidationResponse From(ReadResult result) => new(
        result.IsValid,
        result.Dialect?.ToString(),
        [.. result.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(IssueDto.From)],
        [.. result.Issues.Where(i => i.Severity == IssueSeverity.Warning).Select(IssueDto.From)],
        result.IsValid ? result.Message : null);
}
