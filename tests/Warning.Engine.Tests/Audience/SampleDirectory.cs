using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

/// <summary>
/// A small hand-made directory: district 440199 with streets 001 (communities 001, 002) and 002 (community 001),
/// a neighbouring district 440198, and an empty community 440199002009.
/// </summary>
internal static class SampleDirectory
{
    public const string District = "440199";
    public const string StreetA = "440199001";
    public const string StreetB = "440199002";
    public const string CommunityA1 = "440199001001";
    public const string CommunityA2 = "440199001002";
    public const string CommunityB1 = "440199002001";
    public const string EmptyCommunity = "440199002009";
    public const string Neighbour = "440198";

    public static DirectoryBuilder CreateBuilder()
    {
        var builder = new DirectoryBuilder();
        foreach (var code in new[] { District, StreetA, StreetB, CommunityA1, CommunityA2, CommunityB1, EmptyCommunity, Neighbour })
        {
            builder.AddArea(new Area(code, "区域" + code));
        }
        return builder;
    }

    public static Person PersonAt(string id, string area, decimal? lat = null, decimal? lon = null, string? phone = "13800000000") =>
        new()
        {
            Id = id,
            Phone = phone,
            AreaCode = area,
            Location = lat is null ? null : new GeoPoint(lat.Value, lon!.Value),
        };

    public static GeoPolygon Polygon(params (decimal Lat, decimal Lon)[] points) =>
        new(points.Select(p => new GeoPoint(p.Lat, p.Lon)).ToValueList());

    public static AudienceQuery Query(string channel = AudienceChannels.Sms, params string[] codes) =>
        new() { Channel = channel, AreaCodes = codes.ToValueList() };

    public static string[] Ids(RecipientDirectory directory, AudienceResult result) =>
        [.. result.Recipients.Select(r => directory[r]!.Id).Order(StringComparer.Ordinal)];
}
