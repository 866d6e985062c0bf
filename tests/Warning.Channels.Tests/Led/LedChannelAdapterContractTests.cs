using Warning.Channels.Led;
using Warning.Channels.Tests.Contract;
using Warning.Channels.Tests.Mqtt;

namespace Warning.Channels.Tests.Led;

/// <summary>The channel contract against the real mosquitto, with simulated signs behind every address.</summary>
public sealed class LedChannelAdapterContractTests(LedSignsFixture signs)
    : ChannelAdapterContractTests<LedChannelAdapter>, IClassFixture<LedSignsFixture>, IAsyncDisposable
{
    private readonly List<Warning.Channels.Mqtt.MqttGatewayClient> _gateways = [];

    protected override LedChannelAdapter CreateSut()
    {
        var simulator = signs.Require();
        return Create(simulator.Host, simulator.Port);
    }

    protected override LedChannelAdapter CreateSutWithFailingProvider() => Create(MqttTestBroker.Endpoint.Host, MqttTestBroker.ClosedPort());

    protected override string AddressFor(int recipient) => SimulatedDevicesFixture.AddressFor(recipient);

    private LedChannelAdapter Create(string host, int port)
    {
        var gateway = TestGateway.Create(host, port, signs.District, new RecordingReceiptSink());
        _gateways.Add(gateway);
        var options = new LedChannelOptions { MaxBatchSize = SimulatedDevicesFixture.DeviceCount, MaxTextLength = 120 };
        return new LedChannelAdapter(options, gateway, new FixedLedGeometrySource(), TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
    }
}
