namespace Warning.Engine.Audience;

/// <summary>
/// A query names something the directory cannot target (unknown area code, invalid polygon, unknown group or
/// channel). The caller fixes the warning; nothing was resolved.
/// </summary>
public sealed class AudienceTargetingException : Exception
{
    public AudienceTargetingException(IReadOnlyList<AudienceProblem> problems)
        : base("Audience targeting failed: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public AudienceTargetingException()
        : this([])
    {
    }

    public AudienceTargetingException(string message)
        : base(message)
    {
        Problems = [];
    }

    public AudienceTargetingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<AudienceProblem> Problems { get; }
}
