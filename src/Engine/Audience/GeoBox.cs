namespace Warning.Engine.Audience;

/// <summary>A latitude/longitude bounding box; <see cref="Empty"/> contains nothing.</summary>
internal readonly record struct GeoBox(double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    public static GeoBox Empty { get; } = new(double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);

    public bool IsEmpty => MinLat > MaxLat;

    public GeoBox Including(double lat, double lon) =>
        new(Math.Min(MinLat, lat), Math.Min(MinLon, lon), Math.Max(MaxLat, lat), Math.Max(MaxLon, lon));

    /// <summary>False for NaN coordinates (a recipient without a location).</summary>
    public bool Contains(double lat, double lon) => lat >= MinLat && lat <= MaxLat && lon >= MinLon && lon <= MaxLon;

    public bool Intersects(GeoBox other) =>
        !IsEmpty && !other.IsEmpty && MinLat <= other.MaxLat && other.MinLat <= MaxLat
        && MinLon <= other.MaxLon && other.MinLon <= MaxLon;
}
