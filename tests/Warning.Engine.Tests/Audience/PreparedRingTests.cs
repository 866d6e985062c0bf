using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

public sealed class PreparedRingTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(5000)]
    public void Contains_BandedEdges_AgreesWithPlainRayCasting(int vertices)
    {
        var random = new Random(vertices);
        var points = new List<GeoPoint>();
        for (var i = 0; i < vertices; i++)
        {
            var angle = 2 * Math.PI * i / vertices;
            var r = 0.02 + (0.03 * random.NextDouble());
            points.Add(new GeoPoint(Math.Round((decimal)(23.2 + (r * Math.Sin(angle))), 6), Math.Round((decimal)(113.4 + (r * Math.Cos(angle))), 6)));
        }
        points.Add(points[0]);
        var polygon = new GeoPolygon(points.ToValueList());
        var ring = PreparedRing.From(polygon);
        double[] x = [.. points.Select(p => (double)p.Longitude)], y = [.. points.Select(p => (double)p.Latitude)];

        for (var n = 0; n < 20_000; n++)
        {
            var lat = 23.14 + (random.NextDouble() * 0.12);
            var lon = 113.34 + (random.NextDouble() * 0.12);
            Assert.Equal(PlainContains(x, y, lat, lon), ring.Contains(lat, lon));
        }
        foreach (var vertex in points)
        {
            Assert.Equal(PlainContains(x, y, (double)vertex.Latitude, (double)vertex.Longitude), ring.Contains((double)vertex.Latitude, (double)vertex.Longitude));
        }
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
