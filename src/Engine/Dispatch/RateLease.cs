namespace Warning.Engine.Dispatch;

/// <summary>How many tokens were granted and, when fewer than asked, how long until more are likely.</summary>
public readonly record struct RateLease(int Granted, TimeSpan RetryAfter);
