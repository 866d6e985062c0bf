using StackExchange.Redis;
using Warning.Engine.Dispatch.Redis;

namespace Warning.Engine.Tests.Support;

/// <summary>
/// The Redis server the tests use (started by scripts/services.sh), from env WARNING_REDIS. Outside CI an
/// unreachable server skips the test with its reason; under CI=true it fails it.
/// </summary>
internal static class RedisServer
{
    public const string DefaultConfiguration = "127.0.0.1:6379,abortConnect=false";

    public static string Configuration =>
        Environment.GetEnvironmentVariable("WARNING_REDIS") is { Length: > 0 } configured
            ? configured
            : DefaultConfiguration;

    /// <summary>A new connection (a new "node"); the caller disposes it.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(bool allowAdmin = false, string? clientName = null)
    {
        // As the host and the workers connect (socket I/O on the thread pool), so the suites test what ships.
        var options = RedisConnections.Options(Configuration);
        options.AbortOnConnectFail = false;
        options.AllowAdmin = allowAdmin;
        options.ClientName = clientName ?? options.ClientName;
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        if (redis.IsConnected)
        {
            return redis;
        }
        await redis.DisposeAsync();
        TestServers.Unavailable($"Redis is not reachable at '{Configuration}' (env WARNING_REDIS); run scripts/services.sh.");
        return null!;
    }

    /// <summary>A key prefix no other test uses, so tests can share the server and run in parallel.</summary>
    public static string UniquePrefix(string area) => $"test:{area}:{Guid.NewGuid():N}:";
}
