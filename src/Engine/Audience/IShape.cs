namespace Warning.Engine.Audience;

/// <summary>A target shape: a box for the prefilter and the exact test.</summary>
internal interface IShape
{
    GeoBox Box { get; }

    bool Contains(double lat, double lon);
}
