using Warning.Engine.Audience;
using static Warning.Engine.Tests.Audience.SampleDirectory;

namespace Warning.Engine.Tests.Audience;

public sealed class AudienceIndexTests
{
    private static RecipientDirectory CreateSut()
    {
        var builder = CreateBuilder();
        builder.Add(PersonAt("a1", CommunityA1));
        builder.Add(PersonAt("a2", CommunityA2));
        builder.Add(PersonAt("a", StreetA));
        builder.Add(PersonAt("b1", CommunityB1));
        builder.Add(PersonAt("d", District));
        builder.Add(PersonAt("n", Neighbour));
        return builder.Build();
    }

    [Fact]
    public void Resolve_DistrictCode_SelectsEveryoneInside()
    {
        var directory = CreateSut();

        var result = directory.Audience.Resolve(Query(codes: District));

        Assert.Equal(["a", "a1", "a2", "b1", "d"], Ids(directory, result));
    }

    [Fact]
    public void Resolve_StreetCode_SelectsOnlyThatStreet()
    {
        var directory = CreateSut();

        var result = directory.Audience.Resolve(Query(codes: StreetA));

        Assert.Equal(["a", "a1", "a2"], Ids(directory, result));
    }

    [Fact]
    public void Resolve_CommunityCode_SelectsOnlyThatCommunity()
    {
        var directory = CreateSut();

        var result = directory.Audience.Resolve(Query(codes: CommunityA2));

        Assert.Equal(["a2"], Ids(directory, result));
    }

    [Fact]
    public void Resolve_CityCode_SelectsEveryDistrictBelow()
    {
        var directory = CreateSut();

        var result = directory.Audience.Resolve(Query(codes: "440100"));

        Assert.Equal(6, result.Count);
    }

    [Fact]
    public void Resolve_OverlappingAreas_ReturnsEachRecipientOnce()
    {
        var directory = CreateSut();

        var result = directory.Audience.Resolve(Query(codes: [District, StreetA, CommunityA1, Neighbour]));

        Assert.Equal(6, result.Count);
        Assert.Equal(result.Recipients.Distinct().Count(), result.Count);
    }

    [Fact]
    public void Resolve_AreaWithNobody_ReturnsEmpty()
    {
        var directory = CreateSut();

        var result = directory.Audience.Resolve(Query(codes: EmptyCommunity));

        Assert.True(result.IsEmpty);
        Assert.Equal(0, result.Count);
        Assert.Equal(directory.Version, result.DirectoryVersion);
    }

    [Theory]
    [InlineData("440199003")]
    [InlineData("440197")]
    [InlineData("440199001099")]
    public void Resolve_UnknownAreaCode_Throws(string code)
    {
        var directory = CreateSut();

        var error = Assert.Throws<AudienceTargetingException>(() => directory.Audience.Resolve(Query(codes: code)));

        Assert.Equal(AudienceProblem.UnknownArea, Assert.Single(error.Problems).Code);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("44019")]
    [InlineData("4401990010")]
    [InlineData("44019900100X")]
    public void Validate_MalformedAreaCode_ReportsIt(string code)
    {
        var directory = CreateSut();

        var problems = directory.Audience.Validate(Query(codes: code));

        Assert.Equal(AudienceProblem.MalformedArea, Assert.Single(problems).Code);
    }

    [Fact]
    public void Validate_NoTargetUnknownGroupAndChannel_ReportsAll()
    {
        var directory = CreateSut();
        var query = new AudienceQuery { Channel = "pager", Groups = ["astronauts"] };

        var codes = directory.Audience.Validate(query).Select(p => p.Code);

        Assert.Equal([AudienceProblem.UnknownChannel, AudienceProblem.UnknownGroup, AudienceProblem.NoTarget], codes);
    }
}
