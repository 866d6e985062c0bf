using Warning.Engine.Audience;

namespace Warning.Engine.Tests.Audience;

public sealed class AdminCodesTests
{
    [Theory]
    [InlineData("440199001005", new[] { "440199001", "440199", "440100", "440000" })]
    [InlineData("440199", new[] { "440100", "440000" })]
    [InlineData("440100", new[] { "440000" })]
    [InlineData("440000", new string[0])]
    [InlineData("4401", new string[0])]
    public void EnclosingCodes_AnyCode_EnclosingAreasNearestFirst(string code, string[] expected)
    {
        Assert.Equal(expected, AdminCodes.EnclosingCodes(code));
    }
}
