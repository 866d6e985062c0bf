using Microsoft.Extensions.Logging.Abstractions;
using Warning.Channels.Mqtt;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Mqtt;

internal static class TestGateway
{
    /// <summary>A gateway of its own for one test: its own district (topics) and client id.</summary>
    public static MqttGatewayClient Create(string host, int port, string district, IProviderReceiptSink receipts,
        TimeProvider? timeProvider = null, Action<MqttGatewayOptions>? configure = null)
    {
        var options = new MqttGatewayOptions
        {
            Host = host,
            Port = port,
            District = district,
            ClientId = $"engine-{district}",
            Timeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return new MqttGatewayClient(options, receipts, timeProvider ?? TimeProvider.System, NullLogger<MqttGatewayClient>.Instance);
    }
}
