using BenchmarkDotNet.Attributes;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Benchmarks;

/// <summary>
/// Audience resolution over the demo district with 1,000,000 people (plus its officials and devices): the whole
/// district by admin code (the baseline: one contiguous range), one street by prefix, a 64-vertex polygon and a
/// 3 km circle (area boxes skip most of the district, then ray casting / haversine per candidate).
/// </summary>
[MemoryDiagnoser]
public class AudienceBenchmarks
{
    private RecipientDirectory _directory = null!;
    private AudienceQuery _district = null!;
    private AudienceQuery _street = null!;
    private AudienceQuery _polygon = null!;
    private AudienceQuery _circle = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = DemoDistrict.Generate(seed: 1, people: 1_000_000);
        _district = new AudienceQuery { Channel = AudienceChannels.Sms, AreaCodes = [DemoDistrict.DistrictCode] };
        _street = _district with { AreaCodes = [DemoDistrict.DistrictCode + "007"] };
        _polygon = new AudienceQuery { Channel = AudienceChannels.Sms, Polygons = [IrregularPolygon(23.19, 113.42, 0.05, 64)] };
        _circle = new AudienceQuery
        {
            Channel = AudienceChannels.Sms,
            Circles = [new GeoCircle(new GeoPoint(23.19m, 113.42m), 3_000m)],
        };
    }

    [Benchmark(Baseline = true)]
    public int WholeDistrict() => _directory.Audience.Resolve(_district).Count;

    [Benchmark]
    public int StreetPrefix() => _directory.Audience.Resolve(_street).Count;

    [Benchmark]
    public int Polygon64() => _directory.Audience.Resolve(_polygon).Count;

    [Benchmark]
    public int Circle3Km() => _directory.Audience.Resolve(_circle).Count;

    /// <summary>A star-ish closed ring around a centre: radius wobbles between 60 % and 100 %.</summary>
    internal static GeoPolygon IrregularPolygon(double lat, double lon, double radiusDegrees, int vertices)
    {
        var points = new List<GeoPoint>(vertices + 1);
        for (var i = 0; i < vertices; i++)
        {
            var angle = 2 * Math.PI * i / vertices;
            var r = radiusDegrees * (i % 2 == 0 ? 1.0 : 0.6);
            points.Add(new GeoPoint(Math.Round((decimal)(lat + (r * Math.Sin(angle))), 6), Math.Round((decimal)(lon + (r * Math.Cos(angle))), 6)));
        }
        points.Add(points[0]);
        return new GeoPolygon(points.ToValueList());
    }
}
