namespace Warning.Engine.Persistence;

/// <summary>
/// The registries' text id → key maps, kept in memory so that writing a delivery costs no database lookup.
/// A key is handed out once and never changes or goes away, so a cached key stays right for the life of the
/// database whoever else writes to it; only keys that are committed are added. Memory: about 60 bytes per
/// recipient id, on top of the id string itself.
/// </summary>
internal sealed class DeliveryKeyCache
{
    private readonly Dictionary<string, int>[] _maps =
    [
        new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal),
    ];

    private readonly Lock _lock = new();

    /// <summary>
    /// Fills <paramref name="keys"/> for every row whose ids are all known; returns the unknown ids per registry
    /// in order of first appearance (the order their keys will be handed out in), or null when none is missing.
    /// </summary>
    public List<string>[]? Fill(IReadOnlyList<DeliveryRecord> rows, Span<DeliveryKeys> keys)
    {
        List<string>[]? missing = null;
        HashSet<string>[]? seen = null;
        string? lastVersion = null, lastChannel = null;
        int version = 0, channel = 0;
        lock (_lock)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                // A batch is nearly always one version on one channel: skip their lookups when unchanged.
                var knownVersion = ReferenceEquals(row.VersionId, lastVersion) || Lookup(0, row.VersionId, ref lastVersion, ref version);
                var knownChannel = ReferenceEquals(row.Channel, lastChannel) || Lookup(2, row.Channel, ref lastChannel, ref channel);
                var knownRecipient = _maps[1].TryGetValue(row.RecipientId, out var recipient);
                if (knownVersion && knownChannel && knownRecipient)
                {
                    keys[i] = new DeliveryKeys(version, recipient, (short)channel);
                    continue;
                }

                missing ??= [[], [], []];
                seen ??= [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
                AddMissing(missing[0], seen[0], knownVersion, row.VersionId);
                AddMissing(missing[1], seen[1], knownRecipient, row.RecipientId);
                AddMissing(missing[2], seen[2], knownChannel, row.Channel);
            }
        }

        return missing;
    }

    public bool TryGet(DeliveryRegistry registry, string id, out int key)
    {
        lock (_lock)
        {
            return _maps[registry.Ordinal].TryGetValue(id, out key);
        }
    }

    /// <summary>Remembers keys that are committed in the database.</summary>
    public void Add(DeliveryRegistry registry, IEnumerable<(string Id, int Key)> pairs)
    {
        lock (_lock)
        {
            var map = _maps[registry.Ordinal];
            foreach (var (id, key) in pairs)
            {
                map[id] = key;
            }
        }
    }

    private bool Lookup(int map, string id, ref string? last, ref int key)
    {
        if (!_maps[map].TryGetValue(id, out var found))
        {
            return false;
        }

        last = id;
        key = found;
        return true;
    }

    private static void AddMissing(List<string> list, HashSet<string> seen, bool known, string id)
    {
        if (!known && seen.Add(id))
        {
            list.Add(id);
        }
    }
}
