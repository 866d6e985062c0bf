using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

/// <summary>What the demo district gained for the nine channels: e-mail, WeCom userids and the endpoints.</summary>
public sealed class DemoDistrictEndpointTests(DemoDistrictFixture fixture) : IClassFixture<DemoDistrictFixture>
{
    private readonly RecipientDirectory _directory = fixture.Directory;

    private IEnumerable<IDirectoryEntry> Entries => Enumerable.Range(0, _directory.IndexCount).Select(i => _directory[i]!);

    private int Count(string channel, params string[] codes) =>
        _directory.Audience.Resolve(new AudienceQuery { Channel = channel, AreaCodes = [.. codes] }).Count;

    [Fact]
    public void Generate_OneBroadcastRegionPerStreet_AddressedByItsCode()
    {
        var streets = _directory.Areas.Where(a => a.Level == AreaLevel.Street).Select(a => a.Code).ToList();
        var regions = Entries.OfType<Endpoint>().Where(e => e.Channel == AudienceChannels.BroadcastPlatform).ToList();

        Assert.Equal(streets, regions.Select(r => r.Address));
        Assert.All(regions, r => Assert.Equal(r.AreaCode, r.Address));
    }

    [Fact]
    public void Generate_RobotsAndSubscribers_AtDistrictLevelUnderThePublishedNames()
    {
        var endpoints = Entries.OfType<Endpoint>().Where(e => e.AreaCode == DemoDistrict.DistrictCode).ToList();

        Assert.Equal(DemoDistrict.Robots, endpoints.Where(e => e.Channel == AudienceChannels.WeComRobot).Select(e => e.Address));
        Assert.Equal(DemoDistrict.WebhookSubscribers, endpoints.Where(e => e.Channel == AudienceChannels.Webhook).Select(e => e.Address));
        Assert.Equal(["duty-room", "flood-control"], DemoDistrict.Robots);
        Assert.Equal(["city-platform", "media-hub"], DemoDistrict.WebhookSubscribers);
        Assert.All(endpoints, e => Assert.True(e.ReceivesSubareaWarnings));
    }

    [Fact]
    public void Generate_EndpointsAfterEveryPersonAndDevice()
    {
        var firstEndpoint = Entries.TakeWhile(e => e is not Endpoint).Count();

        Assert.Equal(19, _directory.IndexCount - firstEndpoint);
        Assert.All(Entries.Skip(firstEndpoint), e => Assert.IsType<Endpoint>(e));
    }

    [Fact]
    public void Generate_EveryOfficialHasEmailAndWeCom_AboutFivePercentOfThePublicEmail()
    {
        var people = Entries.OfType<Person>().ToList();
        var officials = people.Where(p => p.Groups.Contains(GroupCatalogue.Officials)).ToList();
        var residents = people.Where(p => p.Id.StartsWith('P')).ToList();

        Assert.NotEmpty(officials);
        Assert.All(officials, o => Assert.True(DirectoryRules.IsEmailAddress(o.Email) && DirectoryRules.IsWeComUserId(o.WeComUserId), o.Id));
        Assert.All(people.Where(p => p.WeComUserId is not null), p => Assert.Contains(p, officials));
        Assert.InRange(residents.Count(r => r.Email is not null) / (double)residents.Count, 0.045, 0.055);
        Assert.All(residents.Where(r => r.Email is not null), r => Assert.True(DirectoryRules.IsEmailAddress(r.Email)));
        Assert.Equal(people.Count(p => p.Email is not null), people.Select(p => p.Email).OfType<string>().Distinct().Count());
    }

    [Fact]
    public void Resolve_StreetWarning_ReachesItsRegionAndTheDistrictRobotsAndSubscribers()
    {
        var street = _directory.Areas.First(a => a.Level == AreaLevel.Street).Code;

        Assert.Equal(1, Count(AudienceChannels.BroadcastPlatform, street));
        Assert.Equal(2, Count(AudienceChannels.WeComRobot, street));
        Assert.Equal(2, Count(AudienceChannels.Webhook, street));
        Assert.Equal(15, Count(AudienceChannels.BroadcastPlatform, DemoDistrict.DistrictCode));
    }

    [Fact]
    public void Resolve_WholeDistrictOnWeCom_EveryOfficial()
    {
        var officials = Entries.OfType<Person>().Count(p => p.Groups.Contains(GroupCatalogue.Officials));

        Assert.Equal(officials, Count(AudienceChannels.WeCom, DemoDistrict.DistrictCode));
    }
}
