using Warning.Channels.Smpp;
using Warning.Channels.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Smpp;

/// <summary>Adapters pointed at an <see cref="SmscPeer"/>, and the batches the SMPP tests send.</summary>
internal static class SmppTestAdapters
{
    public static SmppChannelOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        SystemId = SmscPeer.SystemId,
        Password = SmscPeer.Password,
        SourceAddress = "10690001",
        MaxBatchSize = 20,
        ResponseTimeout = TimeSpan.FromSeconds(10),
        // Tests that run a fake clock far ahead of real time would otherwise race enquire_link's real round trip.
        EnquireLinkInterval = TimeSpan.FromHours(1),
    };

    public static SmppChannelAdapter Create(int port, RecordingProviderSink? sink = null, TimeProvider? time = null,
        Action<SmppChannelOptions>? configure = null)
    {
        var options = Options(port);
        configure?.Invoke(options);
        sink ??= new RecordingProviderSink();
        return new SmppChannelAdapter(options, sink, sink, time ?? TimeProvider.System);
    }

    public static DeliveryBatch Batch(string text, params string[] addresses)
    {
        var content = new DeliveryContent("thread-1", "version-1", MessageType.Alert, AlertStatus.Actual, WarningLevel.Red, text, null);
        return new DeliveryBatch(content, [.. addresses.Select((a, i) => new DeliveryRecipient(i + 1, a))]);
    }
}
