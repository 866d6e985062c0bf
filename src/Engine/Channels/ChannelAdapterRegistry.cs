using System.Collections.Frozen;

namespace Warning.Engine.Channels;

/// <summary>The host's adapters by name. Two adapters with one name are a configuration error, found at start.</summary>
public sealed class ChannelAdapterRegistry
{
    private readonly FrozenDictionary<string, IChannelAdapter> _byName;

    /// <summary>Indexes the adapters; throws on a duplicate name or a MaxBatchSize below 1.</summary>
    public ChannelAdapterRegistry(IEnumerable<IChannelAdapter> adapters)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        var byName = new Dictionary<string, IChannelAdapter>(StringComparer.OrdinalIgnoreCase);
        foreach (var adapter in adapters)
        {
            if (adapter.Capabilities.MaxBatchSize < 1)
            {
                throw new ArgumentException($"Channel adapter '{adapter.Name}' declares MaxBatchSize {adapter.Capabilities.MaxBatchSize}; it must be at least 1.", nameof(adapters));
            }
            if (!byName.TryAdd(adapter.Name, adapter))
            {
                throw new ArgumentException(
                    $"Two channel adapters are named '{adapter.Name}' ({byName[adapter.Name].GetType().Name} and {adapter.GetType().Name}).",
                    nameof(adapters));
            }
        }
        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The registered channel names.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>The adapter named <paramref name="name"/> (case-insensitive), or <see cref="ChannelNotRegisteredException"/>.</summary>
    public IChannelAdapter Get(string name) =>
        _byName.TryGetValue(name, out var adapter)
            ? adapter
            : throw new ChannelNotRegisteredException(
                $"No channel adapter is named '{name}'. Registered: {string.Join(", ", _byName.Keys)}.");

    /// <summary>Looks an adapter up without throwing.</summary>
    public bool TryGet(string name, out IChannelAdapter adapter) => _byName.TryGetValue(name, out adapter!);
}
