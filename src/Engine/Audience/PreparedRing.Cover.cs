namespace Warning.Engine.Audience;

internal sealed partial class PreparedRing
{
    /// <summary>
    /// When no edge touches the box, the box lies wholly on one side of the ring, and its centre tells which.
    /// </summary>
    public ShapeCover Cover(GeoBox box)
    {
        if (!box.Intersects(Box))
        {
            return ShapeCover.Outside;
        }
        for (var i = 0; i < _x.Length - 1; i++)
        {
            if (SegmentTouches(box, _x[i], _y[i], _x[i + 1], _y[i + 1]))
            {
                return ShapeCover.Partial;
            }
        }
        return Contains((box.MinLat + box.MaxLat) / 2, (box.MinLon + box.MaxLon) / 2) ? ShapeCover.Inside : ShapeCover.Outside;
    }

    // Liang–Barsky clipping of the segment against the closed box: true when any part of it lies in the box.
    private static bool SegmentTouches(GeoBox box, double x0, double y0, double x1, double y1)
    {
        double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
        return Clip(-dx, x0 - box.MinLon, ref t0, ref t1) && Clip(dx, box.MaxLon - x0, ref t0, ref t1)
            && Clip(-dy, y0 - box.MinLat, ref t0, ref t1) && Clip(dy, box.MaxLat - y0, ref t0, ref t1);
    }

    private static bool Clip(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }
        var t = q / p;
        if (p < 0)
        {
            if (t > t1)
            {
                return false;
            }
            t0 = Math.Max(t0, t);
        }
        else
        {
            if (t < t0)
            {
                return false;
            }
            t1 = Math.Min(t1, t);
        }
        return true;
    }
}
