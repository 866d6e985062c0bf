using System.Globalization;

namespace Warning.Benchmarks.FanOut;

/// <summary>Command-line settings of the fan-out macro benchmark (<c>fanout --recipients 1000000 …</c>).</summary>
internal sealed record FanOutArguments
{
    public int Recipients { get; init; } = 1_000_000;

    public int Channels { get; init; } = 1;

    /// <summary>"inprocess" or "redis" (WARNING_REDIS, default 127.0.0.1:6379).</summary>
    public string Ledger { get; init; } = "inprocess";

    /// <summary>"none", "sqlite" or "postgres": where delivery records are written.</summary>
    public string Store { get; init; } = "none";

    /// <summary>Transactions the store's batch writer runs at once (DeliveryBatchWriterOptions.ConcurrentTransactions).</summary>
    public int StoreWriters { get; init; } = 1;

    /// <summary>Recipients of the naive one-Hangfire-job-per-recipient baseline run in the same process; 0 skips it.</summary>
    public int Baseline { get; init; } = 100_000;

    /// <summary>Size of the Blue fan-out a Red warning is published into; 0 skips that measurement.</summary>
    public int RedDuringBlue { get; init; }

    public int ShardSize { get; init; } = 50_000;

    /// <summary>With the Redis ledger: kill every Redis client connection this many ms into the fan-out (0: never).</summary>
    public int CutRedisAfterMs { get; init; }

    /// <summary>Concurrent adapter calls per channel.</summary>
    public int Senders { get; init; } = Environment.ProcessorCount;

    /// <summary>Recipients per sandbox adapter call.</summary>
    public int AdapterBatch { get; init; } = 1000;

    /// <summary>Shards dispatched at once (a node's Hangfire workers).</summary>
    public int ParallelShards { get; init; } = Environment.ProcessorCount;

    /// <summary>Recipients of the untimed warm-up warning: enough of them bring the hot paths to tier-1 JIT code.</summary>
    public int WarmUp { get; init; } = 20_000;

    public static FanOutArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new FanOutArguments();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            parsed = args[i] switch
            {
                "--recipients" => parsed with { Recipients = Int(value) },
                "--channels" => parsed with { Channels = Int(value) },
                "--ledger" => parsed with { Ledger = value },
                "--store" => parsed with { Store = value },
                "--store-writers" => parsed with { StoreWriters = Int(value) },
                "--baseline" => parsed with { Baseline = Int(value) },
                "--red-during-blue" => parsed with { RedDuringBlue = Int(value) },
                "--shard" => parsed with { ShardSize = Int(value) },
                "--cut-redis-after-ms" => parsed with { CutRedisAfterMs = Int(value) },
                "--senders" => parsed with { Senders = Int(value) },
                "--adapter-batch" => parsed with { AdapterBatch = Int(value) },
                "--parallel-shards" => parsed with { ParallelShards = Int(value) },
                "--warm-up" => parsed with { WarmUp = Int(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }
        return parsed;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
