using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// "Areas ∩ groups ∩ channel": the union of every admin code, polygon and circle, narrowed to recipients in any
/// of <see cref="Groups"/> (empty: every group) that can be reached on <see cref="Channel"/>.
/// </summary>
public sealed record AudienceQuery
{
    public required string Channel { get; init; }

    /// <summary>
    /// GB/T 2260 codes; each selects every recipient whose home area code starts with it, and the endpoints of the
    /// areas around it that receive subarea warnings (<see cref="Endpoint.ReceivesSubareaWarnings"/>).
    /// </summary>
    public ValueList<string> AreaCodes { get; init; } = [];

    /// <summary>
    /// Selects recipients whose location lies inside (recipients without a location, such as most endpoints, are
    /// not matched: they are reached through the area codes).
    /// </summary>
    public ValueList<GeoPolygon> Polygons { get; init; } = [];

    public ValueList<GeoCircle> Circles { get; init; } = [];

    /// <summary>Group names; empty means everyone.</summary>
    public ValueList<string> Groups { get; init; } = [];

    /// <summary>True when the level overrides personal opt-outs (Red, by default).</summary>
    public bool IgnoreOptOuts { get; init; }

    /// <summary>The query for a warning's areas (CAP: each area is the union of its shapes and geocodes).</summary>
    public static AudienceQuery ForAreas(IEnumerable<TargetArea> areas, string channel)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var list = areas.ToList();
        return new AudienceQuery
        {
            Channel = channel,
            AreaCodes = list.SelectMany(a => a.AdminCodes).Distinct(StringComparer.Ordinal).ToValueList(),
            Polygons = list.SelectMany(a => a.Polygons).ToValueList(),
            Circles = list.SelectMany(a => a.Circles).ToValueList(),
        };
    }
}
