namespace Warning.Engine.Alerts;

/// <summary>
/// A WGS 84 point. Decimal, not double: coordinates are decimal text on the wire, and decimal keeps
/// them exactly, so a message read and written again is equal to the one read.
/// </summary>
public readonly record struct GeoPoint(decimal Latitude, decimal Longitude)
{
    public bool IsValid => Latitude is >= -90m and <= 90m && Longitude is >= -180m and <= 180m;
}

/// <summary>A closed ring of points (first equals last, at least four points).</summary>
public sealed record GeoPolygon(ValueList<GeoPoint> Points)
{
    public bool IsClosed => Points.Count >= 4 && Points[0] == Points[^1];
}

/// <summary>A circle. The radius is kept in metres; CAP writes kilometres, 12379 metres.</summary>
public sealed record GeoCircle(GeoPoint Centre, decimal RadiusMetres);
