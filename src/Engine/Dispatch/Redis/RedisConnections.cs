using StackExchange.Redis;

namespace Warning.Engine.Dispatch.Redis;

/// <summary>How every part of Warning opens its Redis connection (host, workers, benchmarks).</summary>
public static class RedisConnections
{
    /// <summary>
    /// Parses a StackExchange.Redis configuration string and runs the connection's socket I/O on the .NET thread pool
    /// instead of the client's dedicated pool of ten threads. A fan-out keeps thousands of script calls in flight;
    /// on a small node the dedicated pool's hand-offs (lock, pulse, wake) cost CPU that Redis and the store on the
    /// same cores need. The measured difference is in bench/RESULTS.md (session 5).
    /// </summary>
    public static ConfigurationOptions Options(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ConfigurationOptions.Parse(configuration);
        options.SocketManager = SocketManager.ThreadPool;
        return options;
    }
}
