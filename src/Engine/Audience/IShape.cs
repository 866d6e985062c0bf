namespace Warning.Engine.Audience;

/// <summary>A target shape: a box for the prefilter, a whole-box verdict, and the exact test.</summary>
internal interface IShape
{
    GeoBox Box { get; }

    /// <summary>
    /// Whether every point of <paramref name="box"/> is inside, none is, or it cannot tell cheaply (Partial):
    /// lets the index take or skip an area's recipients without testing each one.
    /// </summary>
    ShapeCover Cover(GeoBox box);

    bool Contains(double lat, double lon);
}

/// <summary>How a shape covers a box.</summary>
internal enum ShapeCover
{
    Partial,
    Inside,
    Outside,
}
