using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Warning.Peers.Devices;

/// <summary>
/// Plays every LED sign and broadcast terminal of the configured district at once: one MQTT 5 client with a
/// persistent session, subscribed to <c>{root}/{district}/+/+/cmd</c>, that applies each command to the device its
/// topic names (<see cref="DeviceBoard"/>) and acknowledges it on that device's ack topic, as the device would. The
/// gateway turns those acknowledgements into receipts in the product's audit store. MQTTnet 5 has no managed
/// client, so this loop reconnects by itself.
/// </summary>
internal sealed class DeviceSimulator(IOptions<PeersOptions> options, DeviceBoard board, TimeProvider timeProvider,
    ILogger<DeviceSimulator> logger) : BackgroundService
{
    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromSeconds(1);
    private readonly DeviceSimulatorOptions _options = options.Value.Devices;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IMqttClient? _client;

    public string CommandFilter => DeviceAddress.CommandFilter(_options.TopicRoot, _options.District);

    public bool IsConnected => _client?.IsConnected ?? false;

    /// <summary>Completes once the first subscription stands: from then on commands for any device reach us.</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += OnCommandAsync;
        client.DisconnectedAsync += _ =>
        {
            board.Changed.Pulse();  // the page shows the broker link
            return Task.CompletedTask;
        };
        using var expiry = timeProvider.CreateTimer(_ => board.ExpireAll(), null, ExpiryCheck, ExpiryCheck);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!client.IsConnected)
                {
                    await TryConnectAsync(client, stoppingToken);
                }
                await Task.Delay(_options.ReconnectDelay, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        if (client.IsConnected)
        {
            // Keeps the session for the configured time: commands sent while we are down wait at the broker.
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds).Build(), CancellationToken.None);
        }
    }

    private async Task TryConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            var connected = await client.ConnectAsync(new MqttClientOptionsBuilder()
                .WithTcpServer(_options.Host, _options.Port)
                .WithClientId(_options.ClientId)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
                .WithCleanStart(false)
                .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
                .WithTimeout(TimeSpan.FromSeconds(10))
                .Build(), cancellationToken);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                Log.Refused(logger, _options.Host, _options.Port, connected.ResultCode.ToString());
                return;
            }
            // Also with a session present: the filter may differ from the one the session was made with.
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(CommandFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
            Log.Listening(logger, _options.Host, _options.Port, CommandFilter);
            _subscribed.TrySetResult();
            board.Changed.Pulse();
        }
        catch (Exception e) when (e is MqttCommunicationException or SocketException or TimeoutException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false })
        {
            Log.Unreachable(logger, _options.Host, _options.Port, e.Message);
        }
    }

    private Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (!DeviceAddress.TryParseCommandTopic(message.Topic, out var device))
        {
            return Task.CompletedTask;
        }
        var command = DeviceCommand.TryParse(message.ConvertPayloadToString(), message.MessageExpiryInterval, message.ContentType,
            timeProvider.GetUtcNow());
        if (command is not { MsgId.Length: > 0 })
        {
            Log.Unreadable(logger, message.Topic);
            return Task.CompletedTask;
        }
        var outcome = board.Handle(device, command);
        // Not awaited: MQTTnet sends the PUBACK for this command after the handler returns, and our publish waits
        // for the broker's PUBACK, which the same receive loop has to read.
        _ = AcknowledgeAsync(device, command.MsgId, outcome);
        return Task.CompletedTask;
    }

    private async Task AcknowledgeAsync(DeviceAddress device, string msgId, DeviceOutcome outcome)
    {
        try
        {
            await _client!.PublishAsync(DeviceAcks.For(device, msgId, outcome), CancellationToken.None);
        }
        catch (Exception e) when (e is MqttCommunicationException or SocketException or OperationCanceledException)
        {
            Log.AckLost(logger, device.AckTopic, e.Message);
        }
    }
}
