using BenchmarkDotNet.Attributes;
using Warning.Engine.Audience;

namespace Warning.Benchmarks;

/// <summary>
/// What keeping the index in step costs at 1,000,000 people: building the audience index from a snapshot
/// (the baseline; allocated bytes / recipients = managed bytes per recipient) and one copy-on-write change
/// (copy the builder, add a person, build the next snapshot with its index).
/// </summary>
[MemoryDiagnoser]
public class DirectorySnapshotBenchmarks
{
    private RecipientDirectory _directory = null!;
    private int _serial;

    [GlobalSetup]
    public void Setup() => _directory = DemoDistrict.Generate(seed: 1, people: 1_000_000);

    [Benchmark(Baseline = true)]
    public int BuildIndex() => AudienceIndex.Build(_directory).Count;

    [Benchmark]
    public long CopyOnWriteAddOne()
    {
        var builder = _directory.ToBuilder();
        builder.Add(new Person { Id = "bench-" + _serial++, Phone = "13800000000", AreaCode = DemoDistrict.DistrictCode });
        return builder.Build().Version;
    }
}
