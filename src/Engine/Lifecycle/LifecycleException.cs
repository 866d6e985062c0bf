namespace Warning.Engine.Lifecycle;

/// <summary>
/// A lifecycle rule refused an action. <see cref="Rule"/> says which, so that a caller (the console,
/// the API) can show its own wording; the message is for logs and developers.
/// </summary>
public sealed class LifecycleException : InvalidOperationException
{
    public LifecycleException()
    {
        Rule = LifecycleRule.Unknown;
    }

    public LifecycleException(string message)
        : base(message)
    {
        Rule = LifecycleRule.Unknown;
    }

    public LifecycleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = LifecycleRule.Unknown;
    }

    public LifecycleException(LifecycleRule rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    public LifecycleRule Rule { get; }
}
