using CsCheck;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

/// <summary>Random valid warnings survive a write and a read in each dialect, and the way across.</summary>
public sealed class RoundTripPropertyTests
{
    private const int Iterations = 500;

    [Fact]
    public void CapWriteThenRead_RandomValidWarning_IsEqual() =>
        WarningGenerators.Cap.Sample(message =>
        {
            var xml = CapWriter.Write(message);
            var read = CapReader.Read(xml);
            AssertValid(read, xml);
            Assert.Equal(message, read.Message);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Gb12379WriteThenRead_RandomValidWarning_IsEqual() =>
        WarningGenerators.Gb12379.Sample(message =>
        {
            var xml = Gb12379Writer.Write(message);
            var read = Gb12379Reader.Read(xml);
            AssertValid(read, xml);
            Assert.Equal(message, read.Message);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Gb12379ThroughCap_RandomValidWarning_KeepsWhatBothCarry() =>
        WarningGenerators.Gb12379.Sample(message =>
        {
            var cap = CapWriter.Write(message);
            var viaCap = CapReader.Read(cap);
            AssertValid(viaCap, cap);
            var gb = Gb12379Writer.Write(viaCap.Message!);
            var back = Gb12379Reader.Read(gb);
            AssertValid(back, gb);
            var result = back.Message!;
            Assert.Equal(message.Infos[0].Level, result.Infos[0].Level);
            Assert.Equal(message.Infos[0].EventType, result.Infos[0].EventType);
            Assert.Equal(message.Infos[0].Areas, result.Infos[0].Areas);
            Assert.Equal(message.References.Select(r => r.Identifier), result.References.Select(r => r.Identifier));
            Assert.Equal(message.Channels, result.Channels);
            Assert.Equal(message, result);
        }, iter: Iterations, threads: 1);

    private static void AssertValid(ReadResult read, string xml) =>
        Assert.True(read.IsValid, $"{string.Join("; ", read.Issues)}\n{xml}");
}
