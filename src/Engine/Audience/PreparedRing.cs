using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// A polygon ring in doubles (x = longitude, y = latitude) with its bounding box, for ray casting. The edges are
/// bucketed into horizontal bands, so a point tests only the few edges of its band, not all of them. Measured
/// faster than NetTopologySuite's prepared geometry (bench/RESULTS.md). A point exactly on an edge may fall
/// either way; warnings are drawn with a margin, so that is accepted.
/// </summary>
internal sealed partial class PreparedRing : IShape
{
    private readonly double[] _x;
    private readonly double[] _y;

    private PreparedRing(double[] x, double[] y)
    {
        _x = x;
        _y = y;
        Box = GeoBox.Empty;
        double twiceArea = 0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            Box = Box.Including(y[i], x[i]);
            twiceArea += (x[i] * y[i + 1]) - (x[i + 1] * y[i]);
        }
        Area = Math.Abs(twiceArea / 2);
        (_bandStart, _bandEdges, _bandHeight) = Area > 0 ? BuildBands() : ([0, 0], [], 1);
    }

    public GeoBox Box { get; }

    /// <summary>Area in square degrees (only compared with zero).</summary>
    public double Area { get; }

    /// <summary>Points in the closed ring, the repeated last one included.</summary>
    public int Count => _x.Length;

    public static PreparedRing From(GeoPolygon polygon)
    {
        var points = polygon.Points;
        var x = new double[points.Count];
        var y = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            x[i] = (double)points[i].Longitude;
            y[i] = (double)points[i].Latitude;
        }
        return new PreparedRing(x, y);
    }

    /// <summary>Even-odd ray casting towards +x over the edges of the point's band.</summary>
    public bool Contains(double lat, double lon)
    {
        if (!(lat >= Box.MinLat && lat <= Box.MaxLat))
        {
            return false;
        }
        var band = Band(lat);
        var inside = false;
        var x = _x;
        var y = _y;
        for (int e = _bandStart[band], end = _bandStart[band + 1]; e < end; e++)
        {
            var i = _bandEdges[e];
            var j = i + 1;
            if ((y[i] > lat) != (y[j] > lat)
                && lon < ((x[j] - x[i]) * (lat - y[i]) / (y[j] - y[i])) + x[i])
            {
                inside = !inside;
            }
        }
        return inside;
    }

    public bool HasCrossingEdges()
    {
        var edges = _x.Length - 1;
        for (var i = 0; i < edges; i++)
        {
            for (var j = i + 2; j < edges; j++)
            {
                if (i == 0 && j == edges - 1)
                {
                    continue; // first and last edge share the closing point
                }
                if (SegmentsTouch(i, j))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private bool SegmentsTouch(int a, int b)
    {
        double o1 = Orient(a, a + 1, b), o2 = Orient(a, a + 1, b + 1);
        double o3 = Orient(b, b + 1, a), o4 = Orient(b, b + 1, a + 1);
        if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
        {
            return true;
        }
        return (o1 == 0 && OnSegment(a, b)) || (o2 == 0 && OnSegment(a, b + 1))
            || (o3 == 0 && OnSegment(b, a)) || (o4 == 0 && OnSegment(b, a + 1));
    }

    private double Orient(int p, int q, int r) =>
        ((_x[q] - _x[p]) * (_y[r] - _y[p])) - ((_y[q] - _y[p]) * (_x[r] - _x[p]));

    private bool OnSegment(int start, int point) =>
        _x[point] >= Math.Min(_x[start], _x[start + 1]) && _x[point] <= Math.Max(_x[start], _x[start + 1])
        && _y[point] >= Math.Min(_y[start], _y[start + 1]) && _y[point] <= Math.Max(_y[start], _y[start + 1]);
}
