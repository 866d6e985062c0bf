using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

public sealed class DemoDistrictTests(DemoDistrictFixture fixture) : IClassFixture<DemoDistrictFixture>
{
    private readonly RecipientDirectory _directory = fixture.Directory;

    [Fact]
    public void Generate_SameSeed_SameDirectory()
    {
        var first = DemoDistrict.Generate(seed: 11, people: 20_000);
        var second = DemoDistrict.Generate(seed: 11, people: 20_000);

        Assert.Equal(first.IndexCount, second.IndexCount);
        Assert.Equal(first.Areas, second.Areas);
        for (var i = 0; i < first.IndexCount; i++)
        {
            Assert.Equal(first[i], second[i]);
        }
    }

    [Fact]
    public void Generate_OtherSeed_OtherDirectory()
    {
        var first = DemoDistrict.Generate(seed: 11, people: 5_000);
        var second = DemoDistrict.Generate(seed: 12, people: 5_000);

        Assert.NotEqual(Enumerable.Range(0, 5_000).Select(i => first[i]), Enumerable.Range(0, 5_000).Select(i => second[i]));
    }

    [Fact]
    public void Generate_300k_HasTheAskedShape()
    {
        var people = Enumerable.Range(0, _directory.IndexCount).Select(i => _directory[i]).OfType<Person>().ToList();
        var streets = _directory.Areas.Where(a => a.Level == AreaLevel.Street).ToList();
        var communities = _directory.Areas.Where(a => a.Level == AreaLevel.Community).ToList();

        Assert.Equal(300_000, people.Count);
        Assert.InRange(streets.Count, 10, 20);
        Assert.Contains(streets, s => s.Name.EndsWith("管理区", StringComparison.Ordinal));
        Assert.All(_directory.Areas, a => Assert.NotNull(a.Boundary));
        Assert.All(people, p => Assert.True(p.Phone is null || DirectoryRules.IsMobileNumber(p.Phone)));
        Assert.InRange(people.Count(p => p.WeChatOpenId is not null), 150_000, 250_000);
        Assert.Equal(people.Count(p => p.Phone is not null), people.Where(p => p.Phone is not null).Select(p => p.Phone).Distinct().Count());
        foreach (var community in communities)
        {
            var chief = people.Single(p => p.AreaCode == community.Code && p.Roles == PersonRoles.ResponsibleOfficial);
            _directory.TryGetIndex(chief.Id, out var chiefIndex);
            Assert.IsType<Person>(_directory[_directory.DeputyOf(chiefIndex)!.Value]);
        }
    }

    [Fact]
    public void Generate_EveryCommunityHasSignsAndSpeakers()
    {
        foreach (var community in _directory.Areas.Where(a => a.Level == AreaLevel.Community).Select(a => a.Code))
        {
            var query = new AudienceQuery { Channel = AudienceChannels.Led, AreaCodes = [community] };
            Assert.InRange(_directory.Audience.Resolve(query).Count, 1, 2);
            Assert.InRange(_directory.Audience.Resolve(query with { Channel = AudienceChannels.Broadcast }).Count, 2, 4);
        }
    }

    [Fact]
    public void Generate_LocatedPeople_LieInsideTheirCommunityPolygon()
    {
        var query = new AudienceQuery { Channel = AudienceChannels.Sms, Polygons = [_directory.Areas.First(a => a.Level == AreaLevel.Community).Boundary!] };
        var community = _directory.Areas.First(a => a.Level == AreaLevel.Community).Code;

        var byShape = _directory.Audience.Resolve(query).Recipients;

        Assert.NotEmpty(byShape);
        Assert.All(byShape, r => Assert.Equal(community, _directory[r]!.AreaCode));
    }

    [Fact]
    public void Resolve_WholeDistrict_EveryReachablePersonOnce()
    {
        var result = _directory.Audience.Resolve(new AudienceQuery { Channel = AudienceChannels.Sms, AreaCodes = [DemoDistrict.DistrictCode], IgnoreOptOuts = true });

        var withPhone = Enumerable.Range(0, _directory.IndexCount).Count(i => _directory[i] is Person { Phone: not null });
        Assert.Equal(withPhone, result.Count);
        Assert.Equal(result.Count, result.Recipients.Distinct().Count());
    }

    [Fact]
    public void Build_300kIndex_AtMost64BytesPerRecipient()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var index = AudienceIndex.Build(_directory);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var perRecipient = (double)allocated / index.Count;
        TestContext.Current.SendDiagnosticMessage($"AudienceIndex: {allocated} bytes for {index.Count} recipients = {perRecipient:F1} B each");
        Assert.InRange(perRecipient, 1, 64);
    }

    [Fact]
    public void Resolve_WholeDistrict_AllocatesAbout4BytesPerResolvedRecipient()
    {
        var query = new AudienceQuery { Channel = AudienceChannels.Sms, AreaCodes = [DemoDistrict.DistrictCode] };
        _directory.Audience.Resolve(query);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = _directory.Audience.Resolve(query);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange((double)allocated / result.Count, 4, 8);
    }

    [Theory]
    [InlineData(8, 0.05)]
    [InlineData(64, 0.03)]
    [InlineData(300, 0.08)]
    public void Resolve_PolygonOverManyAreas_SameAsTestingEveryPoint(int vertices, double radius)
    {
        var points = Enumerable.Range(0, vertices).Select(i =>
        {
            var angle = 2 * Math.PI * i / vertices;
            var r = radius * (i % 2 == 0 ? 1.0 : 0.7);
            return new GeoPoint(Math.Round((decimal)(23.19 + (r * Math.Sin(angle))), 6), Math.Round((decimal)(113.42 + (r * Math.Cos(angle))), 6));
        }).ToList();
        var polygon = new GeoPolygon([.. points, points[0]]);
        var ring = PreparedRing.From(polygon);

        var result = _directory.Audience.Resolve(new AudienceQuery { Channel = AudienceChannels.Sms, Polygons = [polygon] });

        Assert.Equal(BruteForce((lat, lon) => ring.Contains(lat, lon)), result.Recipients.Order());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(3_000)]
    [InlineData(12_000)]
    public void Resolve_CircleOverManyAreas_SameAsTestingEveryPoint(int radius)
    {
        var circle = new GeoCircle(new GeoPoint(23.19m, 113.42m), radius);
        var prepared = new PreparedCircle(circle);

        var result = _directory.Audience.Resolve(new AudienceQuery { Channel = AudienceChannels.Sms, Circles = [circle] });

        Assert.Equal(BruteForce(prepared.Contains), result.Recipients.Order());
    }

    private IEnumerable<int> BruteForce(Func<double, double, bool> contains) =>
        Enumerable.Range(0, _directory.IndexCount).Where(i => _directory[i] is Person
        {
            Phone: not null, Location: { } at, OptedOutChannels.Count: 0,
        } && contains((float)at.Latitude, (float)at.Longitude)).Concat(
        Enumerable.Range(0, _directory.IndexCount).Where(i => _directory[i] is Person
        {
            Phone: not null, Location: { } at, OptedOutChannels: [AudienceChannels.WeChat],
        } && contains((float)at.Latitude, (float)at.Longitude))).Order();
}
