using System.Diagnostics.CodeAnalysis;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// Recipient groups, each one bit of a <see cref="ulong"/> (at most 64), so that "is this recipient in any
/// targeted group" is one AND in the audience index. Names compare case-insensitively.
/// </summary>
public sealed class GroupCatalogue
{
    public const int MaxGroups = 64;
    public const string Public = "public";
    public const string Officials = "officials";
    public const string Schools = "schools";
    public const string EnterpriseSafety = "enterprise-safety";
    public const string GridWorkers = "grid-workers";
    public const string RescueTeams = "rescue-teams";
    public const string Volunteers = "volunteers";

    private readonly Dictionary<string, int> _bits;

    public GroupCatalogue(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
        if (Names.Count > MaxGroups)
        {
            throw new ArgumentException($"At most {MaxGroups} groups; got {Names.Count}.", nameof(names));
        }
        _bits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Names.Count; i++)
        {
            if (!_bits.TryAdd(Names[i], i))
            {
                throw new ArgumentException($"Group '{Names[i]}' is listed twice.", nameof(names));
            }
        }
    }

    /// <summary>public, officials, schools, enterprise-safety, grid-workers, rescue-teams, volunteers.</summary>
    public static GroupCatalogue Default { get; } =
        new([Public, Officials, Schools, EnterpriseSafety, GridWorkers, RescueTeams, Volunteers]);

    /// <summary>A shared list holding only <see cref="Public"/>, the default groups of a person or device.</summary>
    public static ValueList<string> PublicOnly { get; } = [Public];

    /// <summary>Every group bit set: the mask of a query that names no group.</summary>
    public const ulong All = ulong.MaxValue;

    public IReadOnlyList<string> Names { get; }

    public bool TryGetBit(string name, out ulong bit)
    {
        var found = _bits.TryGetValue(name, out var position);
        bit = found ? 1UL << position : 0;
        return found;
    }

    /// <summary>The OR of the bits of the groups it knows (no enumerator allocated: the index calls it per recipient).</summary>
    internal ulong KnownMask(ValueList<string> names)
    {
        ulong mask = 0;
        for (var i = 0; i < names.Count; i++)
        {
            mask |= TryGetBit(names[i], out var bit) ? bit : 0;
        }
        return mask;
    }

    /// <summary>The OR of the groups' bits; false with the first unknown name.</summary>
    public bool TryGetMask(IEnumerable<string> names, out ulong mask, [NotNullWhen(false)] out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(names);
        mask = 0;
        foreach (var name in names)
        {
            if (!TryGetBit(name, out var bit))
            {
                unknown = name;
                return false;
            }
            mask |= bit;
        }
        unknown = null;
        return true;
    }
}
