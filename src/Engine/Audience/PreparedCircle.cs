using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>A circle on the sphere (haversine distance, mean Earth radius) with a bounding box that contains it.</summary>
internal sealed class PreparedCircle : IShape
{
    private const double EarthRadiusMetres = 6_371_008.8;
    private const double DegreesToRadians = Math.PI / 180;

    private readonly double _lat;
    private readonly double _lon;
    private readonly double _radius;
    private readonly double _cosLat;

    public PreparedCircle(GeoCircle circle)
    {
        _lat = (double)circle.Centre.Latitude;
        _lon = (double)circle.Centre.Longitude;
        _radius = (double)circle.RadiusMetres;
        _cosLat = Math.Cos(_lat * DegreesToRadians);
        var dLat = _radius / EarthRadiusMetres / DegreesToRadians * 1.000_001;
        var farthest = Math.Min(89.9, Math.Abs(_lat) + dLat);
        var dLon = Math.Min(180, dLat / Math.Cos(farthest * DegreesToRadians));
        Box = new GeoBox(_lat - dLat, _lon - dLon, _lat + dLat, _lon + dLon);
    }

    public GeoBox Box { get; }

    public bool Contains(double lat, double lon) => DistanceMetres(lat, lon) <= _radius;

    /// <summary>
    /// Inside when all four corners are, with a 0.1 % margin: a lat/lon box's sides are not great circles, and the
    /// margin covers how far they bow out between corners at warning-sized radii.
    /// </summary>
    public ShapeCover Cover(GeoBox box)
    {
        if (!box.Intersects(Box))
        {
            return ShapeCover.Outside;
        }
        var limit = _radius * 0.999;
        return DistanceMetres(box.MinLat, box.MinLon) <= limit && DistanceMetres(box.MinLat, box.MaxLon) <= limit
            && DistanceMetres(box.MaxLat, box.MinLon) <= limit && DistanceMetres(box.MaxLat, box.MaxLon) <= limit
            ? ShapeCover.Inside
            : ShapeCover.Partial;
    }

    public double DistanceMetres(double lat, double lon)
    {
        var sinLat = Math.Sin((lat - _lat) * DegreesToRadians / 2);
        var sinLon = Math.Sin((lon - _lon) * DegreesToRadians / 2);
        var h = (sinLat * sinLat) + (_cosLat * Math.Cos(lat * DegreesToRadians) * sinLon * sinLon);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
