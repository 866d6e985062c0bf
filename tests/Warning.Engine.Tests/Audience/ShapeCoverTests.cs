using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class ShapeCoverTests
{
    // A square 23.10–23.20 N, 113.30–113.40 E with a notch cut from the east side down to 113.35.
    private static readonly PreparedRing Notched = PreparedRing.From(Polygon(
        (23.10m, 113.30m), (23.10m, 113.40m), (23.149m, 113.40m), (23.15m, 113.35m), (23.151m, 113.40m),
        (23.20m, 113.40m), (23.20m, 113.30m), (23.10m, 113.30m)));

    [Fact]
    public void Cover_BoxWellInsideRing_Inside()
    {
        Assert.Equal(ShapeCover.Inside, Notched.Cover(new GeoBox(23.11, 113.31, 23.14, 113.34)));
    }

    [Fact]
    public void Cover_BoxCutByNotchWithAllCornersInside_Partial()
    {
        Assert.Equal(ShapeCover.Partial, Notched.Cover(new GeoBox(23.12, 113.36, 23.18, 113.39)));
    }

    [Fact]
    public void Cover_BoxInsideNotch_Outside()
    {
        Assert.Equal(ShapeCover.Outside, Notched.Cover(new GeoBox(23.1499, 113.395, 23.1501, 113.399)));
    }

    [Fact]
    public void Cover_BoxTouchingEdge_Partial()
    {
        Assert.Equal(ShapeCover.Partial, Notched.Cover(new GeoBox(23.10, 113.31, 23.12, 113.33)));
    }

    [Fact]
    public void Cover_BoxAwayFromRing_Outside()
    {
        Assert.Equal(ShapeCover.Outside, Notched.Cover(new GeoBox(30, 120, 31, 121)));
    }

    [Fact]
    public void Cover_CircleAroundBox_InsideOnlyWhenEveryCornerIs()
    {
        var circle = new PreparedCircle(new GeoCircle(new GeoPoint(23.15m, 113.35m), 2_000m));

        Assert.Equal(ShapeCover.Inside, circle.Cover(new GeoBox(23.145, 113.345, 23.155, 113.355)));
        Assert.Equal(ShapeCover.Partial, circle.Cover(new GeoBox(23.135, 113.335, 23.165, 113.365)));
        Assert.Equal(ShapeCover.Outside, circle.Cover(new GeoBox(23.3, 113.6, 23.4, 113.7)));
    }
}
