using Warning.Channels.Broadcast;
using Warning.Channels.Tests.Contract;
using Warning.Channels.Tests.Mqtt;

namespace Warning.Channels.Tests.Broadcast;

/// <summary>The channel contract against the real mosquitto, with simulated terminals behind every address.</summary>
public sealed class BroadcastChannelAdapterContractTests(BroadcastTerminalsFixture terminals)
    : ChannelAdapterContractTests<BroadcastChannelAdapter>, IClassFixture<BroadcastTerminalsFixture>, IAsyncDisposable
{
    private readonly List<Warning.Channels.Mqtt.MqttGatewayClient> _gateways = [];

    protected override BroadcastChannelAdapter CreateSut()
    {
        var simulator = terminals.Require();
        return Create(simulator.Host, simulator.Port);
    }

    protected override BroadcastChannelAdapter CreateSutWithFailingProvider() =>
        Create(MqttTestBroker.Endpoint.Host, MqttTestBroker.ClosedPort());

    protected override string AddressFor(int recipient) => SimulatedDevicesFixture.AddressFor(recipient);

    private BroadcastChannelAdapter Create(string host, int port)
    {
        var gateway = TestGateway.Create(host, port, terminals.District, new RecordingReceiptSink());
        _gateways.Add(gateway);
        var options = new BroadcastChannelOptions { MaxBatchSize = SimulatedDevicesFixture.DeviceCount, MaxTextLength = 300 };
        return new BroadcastChannelAdapter(options, gateway, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
    }
}
