using StackExchange.Redis;
using Warning.Engine.Dispatch.Redis;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>The connection settings every Warning process uses for Redis.</summary>
public sealed class RedisConnectionsTests
{
    [Fact]
    public void Options_AnyConfiguration_RunsSocketsOnTheThreadPool()
    {
        var options = RedisConnections.Options("127.0.0.1:6390,password=secret,connectTimeout=1234");

        Assert.Same(SocketManager.ThreadPool, options.SocketManager);
        Assert.Equal("127.0.0.1:6390", Assert.Single(options.EndPoints).ToString());
        Assert.Equal("secret", options.Password);
        Assert.Equal(1234, options.ConnectTimeout);
    }

    [Fact]
    public void Options_InvalidConfiguration_Throws() =>
        Assert.Throws<ArgumentException>(() => RedisConnections.Options("127.0.0.1:6379,notAnOption=1"));
}
