using Npgsql;

namespace Warning.Engine.Tests.Support;

/// <summary>
/// Where the real servers are. scripts/services.sh starts PostgreSQL and mosquitto on the defaults below. A missing server
/// skips its tests with the reason on a developer machine and fails them under CI=true; SQL Server has no
/// server on these machines, so its tests run only where WARNING_SQLSERVER is set.
/// </summary>
internal static class TestServers
{
    public const string DefaultPostgreSql =
        "Host=127.0.0.1;Port=5432;Username=warning;Password=warning;Database=warning_test;Timeout=5";

    public static string PostgreSql => Environment.GetEnvironmentVariable("WARNING_POSTGRES") is { Length: > 0 } value
        ? value
        : DefaultPostgreSql;

    public static string? SqlServer => Environment.GetEnvironmentVariable("WARNING_SQLSERVER") is { Length: > 0 } value
        ? value
        : null;

    /// <summary>The MQTT broker (mosquitto) as host:port; scripts/services.sh starts it on 127.0.0.1:1883.</summary>
    public static string Mqtt => Environment.GetEnvironmentVariable("WARNING_MQTT") is { Length: > 0 } value
        ? value
        : "127.0.0.1:1883";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<NpgsqlConnection> OpenPostgreSqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            Unavailable($"PostgreSQL at {new NpgsqlConnectionStringBuilder(connectionString).Host} is unreachable ({e.Message}); run scripts/services.sh");
            throw;
        }
    }

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
