using BenchmarkDotNet.Attributes;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Warning.Engine.Audience;

namespace Warning.Benchmarks;

/// <summary>
/// The exact test after the box prefilter: our banded ray casting (<c>PreparedRing</c>) against plain ray casting
/// over every edge, NetTopologySuite's prepared polygon and its indexed point locator, over 100,000 points in
/// the polygon's bounding box.
/// </summary>
[MemoryDiagnoser]
public class PointInPolygonBenchmarks
{
    private const int Points = 100_000;
    private PreparedRing _ring = null!;
    private IPreparedGeometry _prepared = null!;
    private IndexedPointInAreaLocator _locator = null!;
    private Point[] _points = [];
    private double[] _lat = [];
    private double[] _lon = [];
    private double[] _ringX = [];
    private double[] _ringY = [];

    [Params(8, 64, 1024)]
    public int Vertices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var polygon = AudienceBenchmarks.IrregularPolygon(23.19, 113.42, 0.05, Vertices);
        _ring = PreparedRing.From(polygon);
        _ringX = [.. polygon.Points.Select(p => (double)p.Longitude)];
        _ringY = [.. polygon.Points.Select(p => (double)p.Latitude)];
        var factory = new GeometryFactory();
        var shell = polygon.Points.Select(p => new Coordinate((double)p.Longitude, (double)p.Latitude)).ToArray();
        var nts = factory.CreatePolygon(shell);
        _prepared = PreparedGeometryFactory.Prepare(nts);
        _locator = new IndexedPointInAreaLocator(nts);
        var random = new Random(3);
        _lat = new double[Points];
        _lon = new double[Points];
        _points = new Point[Points];
        for (var i = 0; i < Points; i++)
        {
            _lat[i] = 23.14 + (random.NextDouble() * 0.1);
            _lon[i] = 113.37 + (random.NextDouble() * 0.1);
            _points[i] = factory.CreatePoint(new Coordinate(_lon[i], _lat[i]));
        }
        _prepared.Contains(_points[0]);
    }

    [Benchmark(Baseline = true)]
    public int RayCasting()
    {
        var inside = 0;
        for (var i = 0; i < Points; i++)
        {
            inside += _ring.Contains(_lat[i], _lon[i]) ? 1 : 0;
        }
        return inside;
    }

    [Benchmark]
    public int PlainRayCasting()
    {
        var inside = 0;
        for (var i = 0; i < Points; i++)
        {
            inside += PlainContains(_ringX, _ringY, _lat[i], _lon[i]) ? 1 : 0;
        }
        return inside;
    }

    [Benchmark]
    public int NtsPreparedContains()
    {
        var inside = 0;
        for (var i = 0; i < Points; i++)
        {
            inside += _prepared.Contains(_points[i]) ? 1 : 0;
        }
        return inside;
    }

    [Benchmark]
    public int NtsIndexedLocator()
    {
        var inside = 0;
        var coordinate = new Coordinate();
        for (var i = 0; i < Points; i++)
        {
            coordinate.X = _lon[i];
            coordinate.Y = _lat[i];
            inside += _locator.Locate(coordinate) == Location.Interior ? 1 : 0;
        }
        return inside;
    }

    private static bool PlainContains(double[] x, double[] y, double lat, double lon)
    {
        var inside = false;
        for (int i = 0, j = x.Length - 2; i < x.Length - 1; j = i++)
        {
            if ((y[i] > lat) != (y[j] > lat) && lon < ((x[j] - x[i]) * (lat - y[i]) / (y[j] - y[i])) + x[i])
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
