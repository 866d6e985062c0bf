using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

/// <summary>One 300 k demo district shared (read-only) by the tests of a class: generating it takes about a second.</summary>
public sealed class DemoDistrictFixture
{
    public RecipientDirectory Directory { get; } = DemoDistrict.Generate(seed: 7, people: 300_000);
}
