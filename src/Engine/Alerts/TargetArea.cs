namespace Warning.Engine.Alerts;

/// <summary>
/// A CAP <c>area</c>: the union of its polygons and circles, plus geocodes. Admin-division codes
/// (GB/T 2260, 6 digits; or 12-digit village codes) are geocodes named <see cref="AdminCodeName"/>.
/// </summary>
public sealed record TargetArea
{
    /// <summary>The geocode valueName for GB/T 2260 administrative division codes.</summary>
    public const string AdminCodeName = "GB/T2260";

    public required string AreaDesc { get; init; }

    public ValueList<GeoPolygon> Polygons { get; init; } = [];

    public ValueList<GeoCircle> Circles { get; init; } = [];

    public ValueList<NamedValue> Geocodes { get; init; } = [];

    /// <summary>Feet above mean sea level (CAP).</summary>
    public decimal? Altitude { get; init; }

    /// <summary>Feet above mean sea level; only with <see cref="Altitude"/>.</summary>
    public decimal? Ceiling { get; init; }

    public IEnumerable<string> AdminCodes =>
        Geocodes.Where(g => g.Name == AdminCodeName).Select(g => g.Value);
}
