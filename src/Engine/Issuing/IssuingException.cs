using Warning.Engine.Lifecycle;

namespace Warning.Engine.Issuing;

/// <summary>A refusal with its reason in words for the user (Chinese where a bureau user reads it) and every detail.</summary>
public sealed class IssuingException : Exception
{
    public IssuingException(IssuingError error, string message, IReadOnlyList<string>? details = null, LifecycleRule? rule = null)
        : base(message)
    {
        Error = error;
        Details = details ?? [];
        Rule = rule;
    }

    public IssuingException()
    {
        Details = [];
    }

    public IssuingException(string message)
        : base(message)
    {
        Details = [];
    }

    public IssuingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
    }

    public IssuingError Error { get; }

    public IReadOnlyList<string> Details { get; }

    /// <summary>The lifecycle rule behind an <see cref="IssuingError.Lifecycle"/> refusal.</summary>
    public LifecycleRule? Rule { get; }
}
