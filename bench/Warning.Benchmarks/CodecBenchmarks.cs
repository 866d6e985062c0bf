using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Warning.Engine.Alerts;
using Warning.Engine.Codecs;

namespace Warning.Benchmarks;

/// <summary>
/// Documents per second through each codec, against the bare cost of parsing the same text
/// (the baseline): how much the mapping and validation add on top of XML itself.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private string _cap = string.Empty;
    private string _gb = string.Empty;
    private WarningMessage _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cap = Resource("canada.cap");
        _message = CapReader.Read(_cap).Message ?? throw new InvalidOperationException("canada.cap should read");
        _gb = Resource("rainstorm-update.xml");
    }

    private static string Resource(string name)
    {
        using var stream = typeof(CodecBenchmarks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Benchmark(Baseline = true)]
    public XDocument ParseOnly() => XDocument.Parse(_cap);

    [Benchmark]
    public ReadResult CapReadAndValidate() => CapReader.Read(_cap);

    [Benchmark]
    public string CapWrite() => CapWriter.Write(_message);

    [Benchmark]
    public ReadResult Gb12379Read() => Gb12379Reader.Read(_gb);

    [Benchmark]
    public string Gb12379Write() => Gb12379Writer.Write(_message);
}
