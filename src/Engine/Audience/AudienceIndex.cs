namespace Warning.Engine.Audience;

/// <summary>
/// The directory as flat columns for audience resolution. Recipients are stored by position, sorted by home area
/// ordinal (areas sorted by code), so every admin-code subtree is one contiguous run of positions; polygon and
/// circle queries skip whole areas whose recipients' bounding box misses the shape. Per recipient: int index,
/// ulong groups, float lat/lon, ushort channels with opt-outs (<see cref="RecipientBits"/>) = 22 bytes (the tests
/// measure ≤ 64 with build garbage).
/// Immutable: a directory change builds a new index in a new <see cref="RecipientDirectory"/>.
/// </summary>
public sealed partial class AudienceIndex
{
    private readonly int[] _recipients;
    private readonly ulong[] _groupBits;
    private readonly float[] _lat;
    private readonly float[] _lon;
    private readonly ushort[] _channels;
    private readonly int[] _areaStart;
    private readonly GeoBox[] _areaBoxes;
    private readonly string[] _areaCodes;
    private readonly GroupCatalogue _groups;

    private AudienceIndex(long version, int count, string[] areaCodes, GroupCatalogue groups)
    {
        Version = version;
        _recipients = new int[count];
        _groupBits = new ulong[count];
        _lat = new float[count];
        _lon = new float[count];
        _channels = new ushort[count];
        _areaStart = new int[areaCodes.Length + 1];
        _areaBoxes = new GeoBox[areaCodes.Length];
        Array.Fill(_areaBoxes, GeoBox.Empty);
        _areaCodes = areaCodes;
        _groups = groups;
    }

    /// <summary>The directory version this index was built from.</summary>
    public long Version { get; }

    /// <summary>Live recipients in the index.</summary>
    public int Count => _recipients.Length;

    internal static AudienceIndex Build(RecipientDirectory directory)
    {
        var entries = directory.Entries;
        var ordinals = new int[entries.Length];
        var counts = new int[directory.AreaCodes.Length + 1];
        var live = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i] is { } entry && directory.TryGetAreaOrdinal(entry.AreaCode, out var ordinal))
            {
                ordinals[i] = ordinal;
                counts[ordinal + 1]++;
                live++;
            }
            else
            {
                ordinals[i] = -1;
            }
        }
        var index = new AudienceIndex(directory.Version, live, directory.AreaCodes, directory.Groups);
        for (var a = 1; a < counts.Length; a++)
        {
            counts[a] += counts[a - 1];
        }
        counts.CopyTo(index._areaStart, 0);
        for (var i = 0; i < entries.Length; i++)
        {
            if (ordinals[i] >= 0)
            {
                index.Place(counts[ordinals[i]]++, i, entries[i]!, ordinals[i]);
            }
        }
        return index;
    }

    private void Place(int position, int recipient, IDirectoryEntry entry, int ordinal)
    {
        _recipients[position] = recipient;
        _groupBits[position] = _groups.KnownMask(entry.Groups);
        (_lat[position], _lon[position]) = entry.Location is { } at
            ? ((float)at.Latitude, (float)at.Longitude)
            : (float.NaN, float.NaN);
        if (entry.Location is not null)
        {
            _areaBoxes[ordinal] = _areaBoxes[ordinal].Including(_lat[position], _lon[position]);
        }
        _channels[position] = RecipientBits.Of(entry);
    }
}
