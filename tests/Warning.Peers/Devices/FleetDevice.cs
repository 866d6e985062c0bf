using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Warning.Peers.Devices;

/// <summary>One device of a <see cref="DeviceFleet"/>: its own client, session and <see cref="DeviceState"/>.</summary>
internal sealed class FleetDevice : IAsyncDisposable
{
    private const uint OfflineSessionSeconds = 300;
    private readonly DeviceFleet _fleet;
    private readonly IMqttClient _client;
    private readonly DeviceState _state;

    public FleetDevice(DeviceFleet fleet, DeviceAddress address)
    {
        (_fleet, _state) = (fleet, new DeviceState(address));
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnCommandAsync;
    }

    public string Id => _state.Id;

    /// <summary>Whether it acknowledges commands (a silent device never answers).</summary>
    public bool Acknowledges { get; set; } = true;

    public ConcurrentQueue<DeviceCommand> Received => _state.Received;

    public ConcurrentDictionary<string, DeviceCommand> Active => _state.Active;

    public int Duplicates => _state.Duplicates;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var address = _state.Address;
        var connected = await _client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(_fleet.Host, _fleet.Port)
            .WithClientId($"sim-{address.District}-{address.Kind}-{address.Id}")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(OfflineSessionSeconds)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build(), cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"broker refused device {address.Id}: {connected.ResultCode}");
        }
        if (!connected.IsSessionPresent)
        {
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(address.CommandTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        }
    }

    /// <summary>Goes offline keeping its session at the broker (commands for it wait there until they expire).</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken) =>
        _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(OfflineSessionSeconds).Build(),
            cancellationToken);

    private Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var command = DeviceCommand.TryParse(message.ConvertPayloadToString(), message.MessageExpiryInterval, message.ContentType,
            _fleet.TimeProvider.GetUtcNow());
        if (command is null)
        {
            return Task.CompletedTask;
        }
        var outcome = _state.Apply(command);
        _fleet.Changed.Pulse();
        if (Acknowledges)
        {
            // Not awaited: MQTTnet delivers our PUBACK for the command after this handler returns.
            _ = _client.PublishAsync(DeviceAcks.For(_state.Address, command.MsgId, outcome));
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                // Ends the session too, so the broker keeps nothing for this device.
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(0).Build());
            }
            catch (MqttCommunicationException)
            {
                // The broker went away first (a test that kills it).
            }
        }
        _client.Dispose();
    }
}
