using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

/// <summary>Endpoints are picked by area ∩ groups, and those that ask for it also by warnings for parts of their area.</summary>
public sealed class EndpointResolutionTests
{
    private static RecipientDirectory CreateSut()
    {
        var builder = CreateBuilder();
        builder.Add(Robot("duty-room", District, [GroupCatalogue.Officials], subareas: true));
        builder.Add(Robot("district-quiet", District, GroupCatalogue.PublicOnly, subareas: false));
        builder.Add(Robot("street-a", StreetA, GroupCatalogue.PublicOnly, subareas: true));
        builder.Add(Robot("neighbour", Neighbour, GroupCatalogue.PublicOnly, subareas: true));
        builder.Add(Region(StreetA));
        builder.Add(Region(StreetB));
        builder.Add(new Endpoint
        {
            Id = "region-" + CommunityA1,
            Channel = AudienceChannels.BroadcastPlatform,
            Address = CommunityA1,
            AreaCode = CommunityA1,
            Location = new GeoPoint(23.15m, 113.35m),
        });
        return builder.Build();
    }

    private static Endpoint Robot(string name, string area, ValueList<string> groups, bool subareas) => new()
    {
        Id = "robot-" + name,
        Channel = AudienceChannels.WeComRobot,
        Address = name,
        AreaCode = area,
        Groups = groups,
        ReceivesSubareaWarnings = subareas,
    };

    private static Endpoint Region(string area) =>
        new() { Id = "region-" + area, Channel = AudienceChannels.BroadcastPlatform, Address = area, AreaCode = area };

    private static string[] Resolve(string channel, string[] codes, params string[] groups)
    {
        var directory = CreateSut();
        return Ids(directory, directory.Audience.Resolve(Query(channel, codes) with { Groups = groups.ToValueList() }));
    }

    [Fact]
    public void Resolve_DistrictWarning_EveryRobotOfTheDistrict()
    {
        Assert.Equal(["robot-district-quiet", "robot-duty-room", "robot-street-a"], Resolve(AudienceChannels.WeComRobot, [District]));
    }

    [Fact]
    public void Resolve_CommunityWarning_RobotsOfEnclosingAreasThatHearSubareas()
    {
        Assert.Equal(["robot-duty-room", "robot-street-a"], Resolve(AudienceChannels.WeComRobot, [CommunityA1]));
    }

    [Fact]
    public void Resolve_OtherStreetWarning_OnlyTheDistrictRobot()
    {
        Assert.Equal(["robot-duty-room"], Resolve(AudienceChannels.WeComRobot, [StreetB]));
    }

    [Fact]
    public void Resolve_NeighbourDistrictWarning_NoRobotOfThisDistrict()
    {
        Assert.Equal(["robot-neighbour"], Resolve(AudienceChannels.WeComRobot, [Neighbour]));
    }

    [Fact]
    public void Resolve_SubareaWarningForThePublic_OfficialsRobotLeftOut()
    {
        Assert.Equal(["robot-street-a"], Resolve(AudienceChannels.WeComRobot, [CommunityA2], GroupCatalogue.Public));
    }

    [Fact]
    public void Resolve_DistrictAndStreetTogether_EachRobotOnce()
    {
        var directory = CreateSut();

        var result = directory.Audience.Resolve(Query(AudienceChannels.WeComRobot, District, StreetA, CommunityA1));

        Assert.Equal(3, result.Count);
        Assert.Equal(result.Count, result.Recipients.Distinct().Count());
    }

    [Fact]
    public void Resolve_DistrictWarningOnBroadcastPlatform_EveryRegion()
    {
        Assert.Equal(["region-440199001", "region-440199001001", "region-440199002"], Resolve(AudienceChannels.BroadcastPlatform, [District]));
    }

    [Fact]
    public void Resolve_CommunityWarningOnBroadcastPlatform_StreetRegionNotSounded()
    {
        Assert.Equal(["region-440199001001"], Resolve(AudienceChannels.BroadcastPlatform, [CommunityA1]));
        Assert.Empty(Resolve(AudienceChannels.BroadcastPlatform, [CommunityA2]));
    }

    [Fact]
    public void Resolve_PolygonOnly_MatchesLocatedEndpointsOnly()
    {
        var directory = CreateSut();
        var query = new AudienceQuery
        {
            Channel = AudienceChannels.BroadcastPlatform,
            Polygons = [Polygon((23.1m, 113.3m), (23.1m, 113.4m), (23.2m, 113.4m), (23.2m, 113.3m), (23.1m, 113.3m))],
        };

        Assert.Equal(["region-440199001001"], Ids(directory, directory.Audience.Resolve(query)));
    }
}
