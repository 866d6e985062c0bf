namespace Warning.Peers.Recording;

/// <summary>Everything every stand-in received since the start or the last reset, in arrival order.</summary>
internal sealed class ReceivedLog
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedMessage> _messages = [];

    public ChangeSignal Changed { get; } = new();

    public void Add(ReceivedMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
        }
        Changed.Pulse();
    }

    public IReadOnlyList<ReceivedMessage> Snapshot()
    {
        lock (_lock)
        {
            return [.. _messages];
        }
    }

    /// <summary>Per channel, the six known ones always present (an empty list says "nothing came", not "unknown").</summary>
    public Dictionary<string, List<ReceivedMessage>> ByChannel()
    {
        var result = PeerChannels.All.ToDictionary(c => c, _ => new List<ReceivedMessage>(), StringComparer.Ordinal);
        foreach (var message in Snapshot())
        {
            if (!result.TryGetValue(message.Channel, out var list))
            {
                result[message.Channel] = list = [];
            }
            list.Add(message);
        }
        return result;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _messages.Clear();
        }
        Changed.Pulse();
    }
}
