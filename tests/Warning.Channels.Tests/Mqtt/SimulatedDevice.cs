using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>One simulated sign or terminal: what it received, what it shows or plays now, what it acknowledged.</summary>
internal sealed class SimulatedDevice : IAsyncDisposable
{
    private readonly DeviceSimulator _simulator;
    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<string, byte> _seenMsgIds = new(StringComparer.Ordinal);
    private int _duplicates;

    public SimulatedDevice(DeviceSimulator simulator, string id)
    {
        (_simulator, Id) = (simulator, id);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnCommandAsync;
    }

    public string Id { get; }

    /// <summary>Whether it acknowledges commands (a silent device never answers).</summary>
    public bool Acknowledges { get; set; } = true;

    public ConcurrentQueue<ReceivedCommand> Received { get; } = new();

    /// <summary>What it shows (LED) or plays (broadcast) now, by thread id.</summary>
    public ConcurrentDictionary<string, JsonObject> Active { get; } = new(StringComparer.Ordinal);

    /// <summary>Commands that came again with a msgId it had already handled (acknowledged again, not shown again).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var connected = await _client.ConnectAsync(_simulator.ClientOptions(Id), cancellationToken);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        if (!connected.IsSessionPresent)
        {
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_simulator.CommandTopic(Id), MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        }
    }

    /// <summary>Goes offline keeping its session at the broker (commands for it wait there until they expire).</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken) =>
        _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(300).Build(), cancellationToken);

    private Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var json = JsonNode.Parse(message.ConvertPayloadToString())!.AsObject();
        var command = new ReceivedCommand(json, message.MessageExpiryInterval, message.ContentType);
        Received.Enqueue(command);
        var status = Apply(command);
        _simulator.Changed.Pulse();
        if (Acknowledges)
        {
            // Not awaited: MQTTnet delivers our PUBACK for the command after this handler returns.
            _ = _client.PublishAsync(DeviceSimulator.Ack(_simulator.AckTopic(Id), command.MsgId, status));
        }
        return Task.CompletedTask;
    }

    private string Apply(ReceivedCommand command)
    {
        if (!_seenMsgIds.TryAdd(command.MsgId, 0))
        {
            Interlocked.Increment(ref _duplicates);
            return StatusOf(command.Action);
        }
        var thread = (string)command.Json["threadId"]!;
        if (command.Action is "show" or "play")
        {
            Active[thread] = command.Json;
        }
        else
        {
            Active.TryRemove(thread, out _);
        }
        return StatusOf(command.Action);
    }

    private static string StatusOf(string action) => action switch
    {
        "show" => "shown",
        "play" => "played",
        "clear" => "cleared",
        "stop" => "stopped",
        _ => "failed",
    };

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                // Ends the session too, so the broker keeps nothing for this test's devices.
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(0).Build());
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The broker went away first (a test that kills it).
            }
        }
        _client.Dispose();
    }
}

/// <summary>A command as the device got it, with the MQTT 5 properties the broker forwarded.</summary>
internal sealed record ReceivedCommand(JsonObject Json, uint MessageExpiryInterval, string? ContentType)
{
    public string MsgId => (string)Json["msgId"]!;

    public string Action => (string)Json["action"]!;

    public string VersionId => (string)Json["versionId"]!;
}
