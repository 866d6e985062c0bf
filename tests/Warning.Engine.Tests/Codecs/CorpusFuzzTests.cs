using System.Diagnostics;
using Warning.Engine.Codecs;

namespace Warning.Engine.Tests.Codecs;

/// <summary>
/// Feeds mutated copies of every sample document to both readers: each must end as a model or as
/// validation issues, never as an exception, and quickly.
/// </summary>
public sealed class CorpusFuzzTests
{
    private const int Documents = 10_000;
    private static readonly TimeSpan PerDocumentLimit = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Read_TenThousandMutatedDocuments_NeverThrowsAndStaysFast()
    {
        var corpus = LoadCorpus();
        var mutator = new XmlMutator(seed: 20261129);
        Warm(corpus);
        var slowest = TimeSpan.Zero;
        string? slowestDocument = null;
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Documents; i++)
        {
            var document = mutator.Mutate(corpus[i % corpus.Count]);
            foreach (var read in new Func<string, ReadResult>[] { CapReader.Read, Gb12379Reader.Read, WarningXml.Read })
            {
                var (result, elapsed) = Timed(read, document);
                if (elapsed > slowest)
                {
                    (slowest, slowestDocument) = (elapsed, document);
                }
                Assert.True(result.Message is not null || result.Issues.Count > 0, $"Neither model nor issues for:\n{document}");
                var key = result.IsValid ? "valid" : result.Issues[0].Code;
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            }
        }
        Assert.True(slowest < PerDocumentLimit, $"Slowest read took {slowest.TotalMilliseconds:F1} ms:\n{slowestDocument}");
        Assert.True(outcomes.Count > 3, "The mutations should reach several kinds of outcome: " + string.Join(", ", outcomes));
    }

    /// <summary>
    /// Times one read. Other test classes run in parallel on two cores, so a read that crosses the limit is
    /// timed again and its best time counts: a slow document stays slow, a garbage collection does not.
    /// </summary>
    private static (ReadResult Result, TimeSpan Elapsed) Timed(Func<string, ReadResult> read, string document)
    {
        var watch = Stopwatch.StartNew();
        var result = Read(read, document);
        var best = watch.Elapsed;
        for (var retry = 0; retry < 3 && best > PerDocumentLimit; retry++)
        {
            watch.Restart();
            Read(read, document);
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, watch.Elapsed.Ticks));
        }
        return (result, best);
    }

    private static ReadResult Read(Func<string, ReadResult> read, string document)
    {
        try
        {
            return read(document);
        }
#pragma warning disable CA1031 // The point of the test: any exception at all is the failure it reports.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Assert.Fail($"{read.Method.DeclaringType?.Name} threw {ex.GetType().Name}: {ex.Message}\n{document}");
            throw;
        }
    }

    /// <summary>Runs every reader over a few hundred mutations first, so that JIT compilation is not timed.</summary>
    private static void Warm(IReadOnlyList<string> corpus)
    {
        var mutator = new XmlMutator(seed: 1);
        for (var i = 0; i < 300; i++)
        {
            var document = mutator.Mutate(corpus[i % corpus.Count]);
            CapReader.Read(document);
            Gb12379Reader.Read(document);
            WarningXml.Read(document);
        }
    }

    private static List<string> LoadCorpus()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData");
        var files = Directory.GetFiles(Path.Combine(root, "cap"), "*.cap")
            .Concat(Directory.GetFiles(Path.Combine(root, "gb12379"), "*.xml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 8, "The corpus should hold every CAP sample and the 12379 samples.");
        return [.. files.Select(File.ReadAllText)];
    }
}
