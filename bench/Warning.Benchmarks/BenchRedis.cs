using StackExchange.Redis;
using Warning.Engine.Dispatch.Redis;

namespace Warning.Benchmarks;

/// <summary>
/// The Redis server the benchmarks use, from env WARNING_REDIS (as the tests). When it is not reachable the Redis
/// benchmarks return at once and say so, so that a smoke run without Redis still passes.
/// </summary>
internal static class BenchRedis
{
    public static ConnectionMultiplexer? TryConnect()
    {
        var configuration = Environment.GetEnvironmentVariable("WARNING_REDIS") is { Length: > 0 } configured
            ? configured
            : "127.0.0.1:6379";
        var options = RedisConnections.Options(configuration);
        options.AbortOnConnectFail = false;
        var redis = ConnectionMultiplexer.Connect(options);
        if (redis.IsConnected)
        {
            return redis;
        }
        Console.WriteLine($"// Redis is not reachable at '{configuration}': the Redis benchmarks are skipped.");
        redis.Dispose();
        return null;
    }
}
