namespace Warning.Engine.Audience;

/// <summary>
/// Collects changes to a directory and builds the next immutable <see cref="RecipientDirectory"/>
/// (copy-on-write: the builder copies its basis, the basis is never changed). Recipient indexes are handed out
/// once, in order, and never reused: a removed recipient leaves a hole, so a dedup bitmap keyed by index stays valid.
/// </summary>
public sealed class DirectoryBuilder
{
    private readonly Dictionary<string, Area> _areas;
    private readonly List<IDirectoryEntry?> _entries;
    private readonly Dictionary<string, int> _ids;
    private readonly long _version;

    public DirectoryBuilder(GroupCatalogue? groups = null)
    {
        Groups = groups ?? GroupCatalogue.Default;
        _areas = new(StringComparer.Ordinal);
        _entries = [];
        _ids = new(StringComparer.Ordinal);
    }

    internal DirectoryBuilder(RecipientDirectory basis)
    {
        Groups = basis.Groups;
        _areas = basis.Areas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        _entries = new List<IDirectoryEntry?>(basis.Entries);
        _ids = new Dictionary<string, int>(basis.Ids, StringComparer.Ordinal);
        _version = basis.Version;
    }

    public GroupCatalogue Groups { get; }

    /// <summary>The size of the index space so far (live recipients and holes).</summary>
    public int IndexCount => _entries.Count;

    public bool ContainsArea(string code) => _areas.ContainsKey(code);

    public bool ContainsId(string id) => _ids.ContainsKey(id);

    /// <summary>Adds or replaces an area. A 9- or 12-digit area needs its parent first.</summary>
    public DirectoryBuilder AddArea(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (!AdminCodes.IsWellFormed(area.Code))
        {
            throw new ArgumentException($"Area code '{area.Code}' is not 6, 9 or 12 digits.", nameof(area));
        }
        if (area.ParentCode is { } parent && !_areas.ContainsKey(parent))
        {
            throw new ArgumentException($"Area {area.Code} needs its parent {parent} first.", nameof(area));
        }
        if (area.Boundary is { } boundary && GeometryRules.Check(boundary) is { } problem)
        {
            throw new ArgumentException($"Area {area.Code}: {problem.Detail}", nameof(area));
        }
        _areas[area.Code] = area;
        return this;
    }

    /// <summary>Adds a person or device under a new index; on a bad entry returns false and the reason.</summary>
    public bool TryAdd(IDirectoryEntry entry, out int index, out DirectoryError? error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        index = -1;
        error = DirectoryRules.Check(entry, _areas.ContainsKey, Groups);
        if (error is null && _ids.ContainsKey(entry.Id))
        {
            error = new("id", $"编号 {entry.Id} 重复", $"duplicate id {entry.Id}");
        }
        if (error is not null)
        {
            return false;
        }
        index = _entries.Count;
        _entries.Add(entry);
        _ids.Add(entry.Id, index);
        return true;
    }

    /// <summary>Adds a person or device and returns its index; throws <see cref="ArgumentException"/> when it is bad.</summary>
    public int Add(IDirectoryEntry entry) =>
        TryAdd(entry, out var index, out var error) ? index : throw new ArgumentException(error!.ToString(), nameof(entry));

    /// <summary>Replaces the entry with the same id, keeping its index.</summary>
    public void Replace(IDirectoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_ids.TryGetValue(entry.Id, out var index))
        {
            throw new ArgumentException($"No recipient with id {entry.Id}.", nameof(entry));
        }
        if (DirectoryRules.Check(entry, _areas.ContainsKey, Groups) is { } error)
        {
            throw new ArgumentException(error.ToString(), nameof(entry));
        }
        _entries[index] = entry;
    }

    /// <summary>Removes a recipient; its index is retired, never given to anyone else.</summary>
    public bool Remove(string id)
    {
        if (!_ids.Remove(id, out var index))
        {
            return false;
        }
        _entries[index] = null;
        return true;
    }

    /// <summary>The next snapshot, with its audience index built, one version above the basis.</summary>
    public RecipientDirectory Build() => Build(_version + 1);

    internal RecipientDirectory Build(long version)
    {
        var areas = _areas.Values.OrderBy(a => a.Code, StringComparer.Ordinal).ToArray();
        return new RecipientDirectory(version, Groups, areas, [.. _entries], new(_ids, StringComparer.Ordinal));
    }
}
