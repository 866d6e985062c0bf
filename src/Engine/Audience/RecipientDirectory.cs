using System.Diagnostics.CodeAnalysis;

namespace Warning.Engine.Audience;

/// <summary>
/// An immutable snapshot of the directory with its <see cref="AudienceIndex"/>. People, devices and endpoints share one
/// dense index space (a recipient index is a position in <see cref="IndexCount"/>), handed out in insertion order
/// and never reused, so the dedup bitmap of a version × channel is keyed by it. Change it through
/// <see cref="ToBuilder"/> or <see cref="DirectoryStore"/>.
/// </summary>
public sealed partial class RecipientDirectory : IRecipientAddressBook
{
    private readonly Dictionary<string, int> _areaOrdinals;

    internal RecipientDirectory(long version, GroupCatalogue groups, Area[] areas, IDirectoryEntry?[] entries,
        Dictionary<string, int> ids)
    {
        Version = version;
        Groups = groups;
        Areas = areas;
        Entries = entries;
        Ids = ids;
        AreaCodes = [.. areas.Select(a => a.Code)];
        _areaOrdinals = new(areas.Length, StringComparer.Ordinal);
        for (var i = 0; i < areas.Length; i++)
        {
            _areaOrdinals.Add(areas[i].Code, i);
        }
        Audience = AudienceIndex.Build(this);
    }

    public static RecipientDirectory Empty { get; } = new DirectoryBuilder().Build();

    /// <summary>Goes up by one with every change.</summary>
    public long Version { get; }

    public GroupCatalogue Groups { get; }

    /// <summary>Areas sorted by code; the position of an area is its ordinal.</summary>
    public IReadOnlyList<Area> Areas { get; }

    public AudienceIndex Audience { get; }

    /// <summary>The size of the recipient index space, holes of removed recipients included.</summary>
    public int IndexCount => Entries.Length;

    /// <summary>Live people, devices and endpoints.</summary>
    public int Count => Ids.Count;

    internal IDirectoryEntry?[] Entries { get; }

    internal Dictionary<string, int> Ids { get; }

    internal string[] AreaCodes { get; }

    /// <summary>The person, device or endpoint at <paramref name="index"/>, null for a hole or an index out of range.</summary>
    public IDirectoryEntry? this[int index] => (uint)index < (uint)Entries.Length ? Entries[index] : null;

    public DirectoryBuilder ToBuilder() => new(this);

    public bool TryGetIndex(string id, out int index) => Ids.TryGetValue(id, out index);

    public bool TryGetArea(string code, [NotNullWhen(true)] out Area? area)
    {
        area = _areaOrdinals.TryGetValue(code, out var ordinal) ? (Area)Areas[ordinal] : null;
        return area is not null;
    }

    internal bool TryGetAreaOrdinal(string code, out int ordinal) => _areaOrdinals.TryGetValue(code, out ordinal);

    /// <summary>The recipient index of a responsible official's deputy, or null when there is none.</summary>
    public int? DeputyOf(int index) =>
        this[index] is Person { DeputyId: { } deputy } && Ids.TryGetValue(deputy, out var found) ? found : null;

    public bool TryGetAddress(int recipient, string channel, out string address)
    {
        ArgumentNullException.ThrowIfNull(channel);
        address = RecipientAddresses.Of(this[recipient], AudienceChannels.BitOf(channel)) ?? string.Empty;
        return address.Length > 0;
    }
}
