using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class CapSampleTests
{
    public static TheoryData<string> ValidSamples =>
        ["australia.cap", "canada.cap", "earthquake.cap", "no_optional_fields.cap", "thunderstorm.cap", "weather.cap"];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Read_ValidSample_HasNoErrors(string name)
    {
        var result = CapReader.Read(CapTestData.Text(name));

        Assert.NotNull(result.Message);
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Write_ValidSample_ReadsBackEqual(string name)
    {
        var first = CapReader.Read(CapTestData.Text(name));

        var written = CapWriter.Write(first.Message!);
        var second = CapReader.Read(written);

        Assert.Empty(second.Errors);
        Assert.Equal(WarningDialect.Cap12, second.Dialect);
        Assert.Equal(first.Message, second.Message);
    }

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Write_ValidSample_ValidatesAgainstSchema(string name)
    {
        var first = CapReader.Read(CapTestData.Text(name));

        var written = CapWriter.Write(first.Message!);

        Assert.Empty(CapSchemaValidator.Errors(written));
    }

    [Fact]
    public void Read_InvalidSampleWithoutScope_ReportsOnlyMissingScope()
    {
        var result = CapReader.Read(CapTestData.Text("invalid.cap"));

        var issue = Assert.Single(result.Issues);
        Assert.Equal("/alert/scope", issue.Path);
        Assert.Equal(IssueCodes.MissingElement, issue.Code);
        Assert.Equal("Required element 'scope' is missing (expected after 'msgType'): one of Public, Restricted, Private.", issue.Message);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_Stream_SameAsString()
    {
        using var stream = File.OpenRead(CapTestData.PathOf("canada.cap"));

        var fromStream = CapReader.Read(stream);

        Assert.Equal(CapReader.Read(CapTestData.Text("canada.cap")).Message, fromStream.Message);
    }
}
