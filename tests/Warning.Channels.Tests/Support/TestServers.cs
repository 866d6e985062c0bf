namespace Warning.Channels.Tests.Support;

/// <summary>
/// Where the real servers are, with the project's one rule (copied from Warning.Engine.Tests): a missing server
/// skips its tests with the reason on a developer machine and fails them under CI=true. scripts/services.sh
/// installs the node peers (tests/peers/*) and starts Redis on the default below.
/// </summary>
internal static class TestServers
{
    public static string Redis => Environment.GetEnvironmentVariable("WARNING_REDIS") is { Length: > 0 } value
        ? value
        : "127.0.0.1:6379,abortConnect=false,connectTimeout=2000";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips outside CI; fails under CI=true, where every server must be running.</summary>
    public static void Unavailable(string reason)
    {
        if (IsCi)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }
}
