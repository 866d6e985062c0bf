using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Warning.Engine.Persistence;

namespace Warning.Benchmarks;

/// <summary>
/// Writes N delivery receipts through the DeliveryBatchWriter into a fresh store and prints one JSON line.
/// The batches are built before the clock starts: this measures the writer and the database, not string
/// formatting. Usage: receipts [sqlite|postgres] [count=1000000] [batch=10000] [maxRowsPerTransaction=50000] [pk-only]
/// "pk-only" drops the two secondary indexes of deliveries first (recipient, provider message id): the cost of
/// the audit queries' indexes, shown side by side with the real schema in one session (bench/RESULTS.md).
/// </summary>
internal static class ReceiptsMacroBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kind = args.Length > 0 ? args[0] : "sqlite";
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var batch = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        var perTransaction = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50_000;
        var pkOnly = args.Length > 4 && args[4] == "pk-only";
        var batches = Enumerable.Range(0, (count + batch - 1) / batch)
            .Select(b => BenchData.Batch("bench-v1", b * batch, Math.Min(batch, count - (b * batch))))
            .ToList();

        await using var stores = await BenchStores.CreateAsync(kind);
        if (pkOnly)
        {
            await stores.ExecuteAsync("DROP INDEX ix_deliveries_recipient; DROP INDEX ix_deliveries_provider_message;");
        }

        var clock = Stopwatch.StartNew();
        var writer = new DeliveryBatchWriter(stores.Store, new DeliveryBatchWriterOptions { QueueCapacity = 8, MaxRowsPerTransaction = perTransaction });
        await using (writer)
        {
            foreach (var rows in batches)
            {
                await writer.WriteAsync(rows, CancellationToken.None);
            }
        }

        clock.Stop();
        var stored = (await stores.Store.GetDeliveryCountsAsync("bench-v1", AuditGrouping.None, AuditFilter.None, CancellationToken.None))[0].Targeted;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            store = kind,
            rows = count,
            stored,
            batch,
            rowsPerTransaction = perTransaction,
            indexes = pkOnly ? "primary key only" : "all",
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            rowsPerSecond = Math.Round(count / clock.Elapsed.TotalSeconds),
        }));
        return stored == count ? 0 : 1;
    }
}
