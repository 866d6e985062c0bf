using Warning.Engine.Persistence;

namespace Warning.Channels.Smpp.Receipts;

/// <summary>
/// Turns the receipts of submitted segments into one receipt per message. A message sent in N parts got N
/// SMSC ids and gets N receipts; the delivery knows only the first part's id. The tracker indexes every part's
/// id (in its hex and decimal forms) under the message and reports once every part has a final state:
/// Delivered when all were, else the first failure. Bounded: the oldest messages are forgotten first, and a
/// receipt for a forgotten or unknown id passes through under its own id (the audit store matches it then).
/// </summary>
internal sealed class SmppReceiptTracker(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (TrackedMessage Message, int Part)> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<TrackedMessage> _age = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _age.Count;
            }
        }
    }

    /// <summary>Starts a message when its first part is accepted; the delivery's provider id is that part's id.</summary>
    public TrackedMessage Begin(string firstPartId, int parts)
    {
        var message = new TrackedMessage(firstPartId, parts);
        lock (_lock)
        {
            _age.Enqueue(message);
            Index(message, firstPartId, 0);
            while (_age.Count > capacity)
            {
                Forget(_age.Dequeue());
            }
        }
        return message;
    }

    /// <summary>Adds part <paramref name="part"/> (from 0) once the SMSC accepted it.</summary>
    public void Add(TrackedMessage message, int part, string partId)
    {
        lock (_lock)
        {
            if (!message.Forgotten)
            {
                Index(message, partId, part);
            }
        }
    }

    /// <summary>
    /// Applies one part's final state. Returns the message's receipt (its provider id and state) when this was the
    /// last part to report; null while parts are missing or when the message was reported already.
    /// </summary>
    public (string ProviderMessageId, DeliveryState State)? Resolve(IReadOnlyList<string> receiptIds, DeliveryState state)
    {
        lock (_lock)
        {
            foreach (var id in receiptIds)
            {
                foreach (var key in SmppMessageIds.LookupKeys(id))
                {
                    if (_byKey.TryGetValue(key, out var found))
                    {
                        return found.Message.Report(found.Part, state);
                    }
                }
            }
        }
        return receiptIds.Count > 0 ? (receiptIds[0], state) : null;
    }

    private void Index(TrackedMessage message, string partId, int part)
    {
        foreach (var key in SmppMessageIds.IndexKeys(partId))
        {
            _byKey[key] = (message, part);
            message.Keys.Add(key);
        }
    }

    private void Forget(TrackedMessage message)
    {
        message.Forgotten = true;
        foreach (var key in message.Keys)
        {
            if (_byKey.TryGetValue(key, out var found) && ReferenceEquals(found.Message, message))
            {
                _byKey.Remove(key);
            }
        }
    }
}

/// <summary>One submitted message: which parts reported, and the state to report once all have.</summary>
internal sealed class TrackedMessage(string providerMessageId, int parts)
{
    private readonly DeliveryState?[] _states = new DeliveryState?[parts];
    private bool _reported;

    public string ProviderMessageId { get; } = providerMessageId;

    public List<string> Keys { get; } = [];

    public bool Forgotten { get; set; }

    /// <summary>Called under the tracker's lock.</summary>
    public (string, DeliveryState)? Report(int part, DeliveryState state)
    {
        _states[part] ??= state;
        if (_reported || _states.Any(s => s is null))
        {
            return null;
        }
        _reported = true;
        var failure = _states.FirstOrDefault(s => s != DeliveryState.Delivered);
        return (ProviderMessageId, failure ?? DeliveryState.Delivered);
    }
}
