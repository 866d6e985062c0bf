using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

public static partial class DemoDistrict
{
    /// <summary>WeCom group robot of the district's duty room (值班室); hears of every warning in the district.</summary>
    public const string DutyRoomRobot = "duty-room";

    /// <summary>WeCom group robot of the flood-control group (防汛群); hears of every warning in the district.</summary>
    public const string FloodControlRobot = "flood-control";

    /// <summary>Webhook subscriber: the city's warning platform (市级预警平台), public and official warnings.</summary>
    public const string CityPlatformSubscriber = "city-platform";

    /// <summary>Webhook subscriber: the district media centre (融媒体中心), public warnings only.</summary>
    public const string MediaHubSubscriber = "media-hub";

    /// <summary>
    /// The robot names the demo directory addresses, each a key that WeComRobotChannelOptions.Robots must
    /// configure (with its webhook key) for the robot to be reached.
    /// </summary>
    public static IReadOnlyList<string> Robots { get; } = [DutyRoomRobot, FloodControlRobot];

    /// <summary>The subscriber names the demo directory addresses, keys of WebhookChannelOptions.Subscribers.</summary>
    public static IReadOnlyList<string> WebhookSubscribers { get; } = [CityPlatformSubscriber, MediaHubSubscriber];

    private static readonly ValueList<string> PublicAndOfficials = [GroupCatalogue.Public, GroupCatalogue.Officials];

    /// <summary>
    /// One broadcast-platform region per street (the platform sounds a street's terminals when the street or the
    /// whole district is warned; a single community is reached through its own terminals), the two robots and the
    /// two webhook subscribers at district level. Appended after everyone else, so earlier indexes stay put.
    /// </summary>
    private static void AddEndpoints(DirectoryBuilder builder)
    {
        for (var s = 0; s < StreetNames.Length; s++)
        {
            var street = StreetCode(s);
            builder.Add(new Endpoint
            {
                Id = "EBR-" + street,
                Channel = AudienceChannels.BroadcastPlatform,
                Address = street,
                Name = StreetNames[s] + "应急广播",
                AreaCode = street,
            });
        }
        builder.Add(DistrictEndpoint(AudienceChannels.WeComRobot, DutyRoomRobot, "区应急值班室", OfficialGroups));
        builder.Add(DistrictEndpoint(AudienceChannels.WeComRobot, FloodControlRobot, "区防汛工作群", OfficialGroups));
        builder.Add(DistrictEndpoint(AudienceChannels.Webhook, CityPlatformSubscriber, "市级预警信息发布平台", PublicAndOfficials));
        builder.Add(DistrictEndpoint(AudienceChannels.Webhook, MediaHubSubscriber, "区融媒体中心", GroupCatalogue.PublicOnly));
    }

    private static Endpoint DistrictEndpoint(string channel, string name, string displayName, ValueList<string> groups) => new()
    {
        Id = (channel == AudienceChannels.WeComRobot ? "ROBOT-" : "WEBHOOK-") + name,
        Channel = channel,
        Address = name,
        Name = displayName,
        AreaCode = DistrictCode,
        Groups = groups,
        ReceivesSubareaWarnings = true,
    };
}
