using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Warning.Engine.Channels;

namespace Warning.Channels.Mqtt;

/// <summary>
/// One MQTT 5 connection per engine node, shared by the LED and broadcast adapters: publishes their commands with
/// QoS 1 and turns device acknowledgements into provider receipts. It never throws for a missing broker: a connect
/// that fails makes every send of the next <see cref="MqttGatewayOptions.ReconnectDelay"/> a TransientFailure
/// result while a background timer keeps trying (MQTTnet 5 has no managed client, so the reconnect loop is ours).
/// </summary>
public sealed partial class MqttGatewayClient : IAsyncDisposable, IDisposable
{
    private readonly MqttGatewayOptions _options;
    private readonly IProviderReceiptSink _receipts;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _timerLock = new();
    private ITimer? _reconnectTimer;
    private long _retryNotBefore;
    private string _lastFailure = "not connected yet";

    public MqttGatewayClient(MqttGatewayOptions options, IProviderReceiptSink receipts, TimeProvider timeProvider,
        ILogger<MqttGatewayClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _receipts, _timeProvider, _logger) = (options, receipts, timeProvider, logger);
        Topics = new MqttTopics(options.TopicRoot, options.District);
        _inflight = new SemaphoreSlim(options.MaxInflight, options.MaxInflight);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    internal MqttTopics Topics { get; }

    internal MqttGatewayOptions Options => _options;

    public bool IsConnected => _client.IsConnected;

    /// <summary>
    /// Connects and subscribes to the acknowledgements unless already connected. False when the broker is
    /// unreachable or refuses us, at once while the last failure is younger than the reconnect delay. A host calls
    /// it at start so acknowledgements queued in our session while we were away come in before the first send.
    /// </summary>
    public ValueTask<bool> TryConnectAsync(CancellationToken cancellationToken) =>
        _client.IsConnected ? ValueTask.FromResult(true) : new(ConnectAsync(honourBackoff: true, cancellationToken));

    private async Task<bool> ConnectAsync(bool honourBackoff, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client.IsConnected)
            {
                return true;
            }
            if (honourBackoff && _timeProvider.GetTimestamp() < Volatile.Read(ref _retryNotBefore))
            {
                return false;
            }
            var connected = await _client.ConnectAsync(ClientOptions(), cancellationToken).ConfigureAwait(false);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                return Failed($"broker refused the connection: {connected.ResultCode} {connected.ReasonString}");
            }
            var subscribed = await _client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(Topics.AckFilter(_options.AckShareGroup), MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                cancellationToken).ConfigureAwait(false);
            if (subscribed.Items.Any(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2))
            {
                await _client.DisconnectAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                return Failed($"broker refused the acknowledgement subscription: {subscribed.Items.First().ResultCode}");
            }
            Log.Connected(_logger, _options.Host, _options.Port, _options.ClientId, connected.IsSessionPresent);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            return Failed(e.Message);
        }
        catch (InvalidOperationException e)
        {
            // MQTTnet refuses a connect while it is still tearing down the connection the broker just dropped.
            return Failed(e.Message);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private bool Failed(string reason)
    {
        _lastFailure = reason;
        Volatile.Write(ref _retryNotBefore, _timeProvider.GetTimestamp() + (long)(_options.ReconnectDelay.TotalSeconds * _timeProvider.TimestampFrequency));
        Log.ConnectFailed(_logger, _options.Host, _options.Port, reason);
        ScheduleReconnect();
        return false;
    }

    private MqttClientOptions ClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_options.ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            // A persistent session: acknowledgements published while we reconnect wait for us at the broker.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithTimeout(_options.Timeout);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            builder = builder.WithCredentials(_options.UserName, _options.Password);
        }
        return builder.Build();
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        // A failed connect also raises this event; Failed() has scheduled the retry then.
        if (e.ClientWasConnected && !_stopping.IsCancellationRequested)
        {
            Log.Disconnected(_logger, e.Exception?.Message ?? e.Reason.ToString());
            ScheduleReconnect();
        }
        return Task.CompletedTask;
    }

    private void ScheduleReconnect()
    {
        lock (_timerLock)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            _reconnectTimer?.Dispose();
            _reconnectTimer = _timeProvider.CreateTimer(
                static state => _ = ((MqttGatewayClient)state!).ReconnectInBackgroundAsync(), this,
                _options.ReconnectDelay, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReconnectInBackgroundAsync()
    {
        try
        {
            await ConnectAsync(honourBackoff: false, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
            // Disposed while the timer fired.
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is MqttCommunicationException or SocketException or IOException or OperationCanceledException or TimeoutException;

    /// <summary>Says goodbye to the broker, then releases everything. Our session stays at the broker for the next start.</summary>
    public async ValueTask DisposeAsync()
    {
        StopReconnecting();
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                // Already gone; nothing to tell the broker.
            }
        }
        Release();
    }

    /// <summary>For a container disposed synchronously: drops the connection without a DISCONNECT packet.</summary>
    public void Dispose()
    {
        StopReconnecting();
        Release();
    }

    private void StopReconnecting()
    {
        lock (_timerLock)
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
            }
            _reconnectTimer?.Dispose();
        }
    }

    private void Release()
    {
        _client.Dispose();
        _connectLock.Dispose();
        _inflight.Dispose();
        _stopping.Dispose();
    }
}
