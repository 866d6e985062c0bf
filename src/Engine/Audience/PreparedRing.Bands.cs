namespace Warning.Engine.Audience;

internal sealed partial class PreparedRing
{
    private const int MaxBands = 4096;

    private readonly int[] _bandStart;
    private readonly int[] _bandEdges;
    private readonly double _bandHeight;

    // The band of a latitude and the bands an edge spans use the same monotonic formula, so every edge a
    // horizontal ray at that latitude can cross is listed in the ray's band.
    private int Band(double lat) => Math.Min(_bandStart.Length - 2, (int)((lat - Box.MinLat) / _bandHeight));

    private (int[] Start, int[] Edges, double Height) BuildBands()
    {
        var edges = _x.Length - 1;
        var bands = Math.Clamp(edges, 1, MaxBands);
        var height = (Box.MaxLat - Box.MinLat) / bands;
        if (height <= 0)
        {
            height = 1;
        }
        var start = new int[bands + 1];
        int Of(double lat) => Math.Min(bands - 1, (int)((lat - Box.MinLat) / height));
        for (var i = 0; i < edges; i++)
        {
            for (int b = Of(Math.Min(_y[i], _y[i + 1])), last = Of(Math.Max(_y[i], _y[i + 1])); b <= last; b++)
            {
                start[b + 1]++;
            }
        }
        for (var b = 1; b <= bands; b++)
        {
            start[b] += start[b - 1];
        }
        var list = new int[start[bands]];
        var next = start[..^1];
        for (var i = 0; i < edges; i++)
        {
            for (int b = Of(Math.Min(_y[i], _y[i + 1])), last = Of(Math.Max(_y[i], _y[i + 1])); b <= last; b++)
            {
                list[next[b]++] = i;
            }
        }
        return (start, list, height);
    }
}
