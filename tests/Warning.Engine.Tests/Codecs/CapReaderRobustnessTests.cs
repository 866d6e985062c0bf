using CsCheck;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

public sealed class CapReaderRobustnessTests
{
    [Fact]
    public void Read_HugeCircleRadius_IsInvalidCircleNotOverflow()
    {
        var area = CapXml.Area("<circle>23.1,113.3 79228162514264337593543950335</circle>");

        var result = CapReader.Read(CapXml.Alert(CapXml.Info(area: area)));

        Assert.Equal(IssueCodes.InvalidCircle, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_SampleWithRandomSliceRemoved_NeverThrows()
    {
        var text = CapTestData.Text("canada.cap");

        Gen.Int[0, text.Length - 1].Select(Gen.Int[1, 400]).Sample((start, length) =>
        {
            var damaged = text.Remove(start, Math.Min(length, text.Length - start));
            var result = CapReader.Read(damaged);
            Assert.True(result.Message is not null || result.Issues.Count > 0);
        }, iter: 300);
    }
}
