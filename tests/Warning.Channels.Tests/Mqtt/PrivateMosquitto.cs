using System.Diagnostics;
using System.Net.Sockets;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>
/// A mosquitto of the test's own on a free loopback port, for tests that stop and restart the broker (the shared
/// one must stay up for everybody else). Started from the binary that scripts/services.sh installs.
/// </summary>
internal sealed class PrivateMosquitto : IAsyncDisposable
{
    private readonly string _configFile;
    private Process? _process;

    private PrivateMosquitto(int port, string configFile) => (Port, _configFile) = (port, configFile);

    public int Port { get; }

    public static async Task<PrivateMosquitto> StartAsync(CancellationToken cancellationToken)
    {
        var port = MqttTestBroker.ClosedPort();
        var config = Path.Combine(Path.GetTempPath(), $"mosquitto-test-{port}.conf");
        await File.WriteAllTextAsync(config, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n",
            cancellationToken);
        var broker = new PrivateMosquitto(port, config);
        await broker.RestartAsync(cancellationToken);
        return broker;
    }

    /// <summary>Starts the broker (again) and returns once it accepts connections.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        var binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            TestServers.Unavailable("mosquitto is not installed; run scripts/services.sh");
        }
        _process = Process.Start(new ProcessStartInfo(binary!, ["-c", _configFile]) { UseShellExecute = false })!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
            }
        }
        Assert.Fail($"mosquitto did not listen on 127.0.0.1:{Port}");
    }

    /// <summary>Kills the broker the way a crash would: no goodbye to its clients.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        File.Delete(_configFile);
    }
}
