using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Warning.Engine.Persistence;

namespace Warning.Benchmarks;

/// <summary>
/// Writes N delivery receipts through the DeliveryBatchWriter into a fresh store and prints one JSON line.
/// The batches are built before the clock starts: this measures the writer and the database, not string
/// formatting. Usage: receipts [sqlite|postgres] [count=1000000] [batch=10000] [maxRowsPerTransaction=50000] [flags…]
/// Flags: "writers=N" runs N transactions at once; "cold" leaves the recipients unregistered, so the timed run
/// registers them too (otherwise they are registered before the clock, as a directory import would, and that
/// time is reported as registerSeconds); "random-ids" gives provider message ids in random order, as some
/// gateways hand them out, instead of ascending; "dlrs" then records a provider receipt (DLR) for every
/// delivery, 10,000 per call, timed on its own (dlrSeconds), so that the counts read them all.
/// After the write it times the audit queries on the result: the version's counts and one person's history.
/// processCpuSeconds is this process's CPU time while the clock ran.
/// </summary>
internal static class ReceiptsMacroBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kind = args.Length > 0 ? args[0] : "sqlite";
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var batch = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        var perTransaction = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50_000;
        var flags = args.Length > 4 ? args[4..] : [];
        var dlrs = flags.Contains("dlrs");
        var cold = flags.Contains("cold");
        var randomIds = flags.Contains("random-ids");
        var writers = flags.Where(f => f.StartsWith("writers=", StringComparison.Ordinal))
            .Select(f => int.Parse(f["writers=".Length..], CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Last();
        var batches = Enumerable.Range(0, (count + batch - 1) / batch)
            .Select(b => BenchData.Batch("bench-v1", b * batch, Math.Min(batch, count - (b * batch)), randomIds))
            .ToList();

        // A running server has its code compiled: write 20,000 rows into a throw-away store of the same kind
        // first, so that JIT compilation is not timed (as the fan-out benchmark does).
        await using (var warm = await BenchStores.CreateAsync(kind))
        await using (var warmWriter = new DeliveryBatchWriter(warm.Store))
        {
            await warmWriter.WriteAsync(BenchData.Batch("warm-up", 0, 10_000), CancellationToken.None);
            await warmWriter.WriteAsync(BenchData.Batch("warm-up", 10_000, 10_000), CancellationToken.None);
        }

        await using var stores = await BenchStores.CreateAsync(kind);

        var registering = Stopwatch.StartNew();
        if (!cold)
        {
            await stores.Store.RegisterRecipientsAsync([.. batches.SelectMany(b => b.Select(d => d.RecipientId))], CancellationToken.None);
        }

        registering.Stop();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var writer = new DeliveryBatchWriter(stores.Store,
            new DeliveryBatchWriterOptions { QueueCapacity = 8, MaxRowsPerTransaction = perTransaction, ConcurrentTransactions = writers });
        await using (writer)
        {
            foreach (var rows in batches)
            {
                await writer.WriteAsync(rows, CancellationToken.None);
            }
        }

        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var receipting = Stopwatch.StartNew();
        if (dlrs)
        {
            foreach (var rows in batches)
            {
                await stores.Store.RecordReceiptsAsync(
                    [.. rows.Select(d => new ProviderReceipt(d.Channel, d.ProviderMessageId!, DeliveryState.Delivered, BenchData.At.AddMinutes(1)))],
                    CancellationToken.None);
            }
        }

        receipting.Stop();
        var querying = Stopwatch.StartNew();
        var counts = (await stores.Store.GetDeliveryCountsAsync("bench-v1", AuditGrouping.None, AuditFilter.None, CancellationToken.None))[0];
        var stored = counts.Targeted;
        var countSeconds = querying.Elapsed.TotalSeconds;
        querying.Restart();
        var person = await stores.Store.GetRecipientDeliveriesAsync(batches[^1][^1].RecipientId, AuditFilter.None, CancellationToken.None);
        var personSeconds = querying.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            store = kind,
            rows = count,
            stored,
            batch,
            rowsPerTransaction = perTransaction,
            writers,
            recipients = cold ? "unregistered (registered in the timed run)" : "registered before the clock",
            messageIds = randomIds ? "random" : "ascending",
            registerSeconds = Math.Round(registering.Elapsed.TotalSeconds, 3),
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            rowsPerSecond = Math.Round(count / clock.Elapsed.TotalSeconds),
            // CPU of this process while the clock ran: all of SQLite's work, only the client's for PostgreSQL.
            // Less sensitive than seconds to other programs on a shared machine.
            processCpuSeconds = Math.Round(cpu.TotalSeconds, 2),
            dlrSeconds = dlrs ? Math.Round(receipting.Elapsed.TotalSeconds, 3) : (double?)null,
            delivered = counts.Delivered,
            countQuerySeconds = Math.Round(countSeconds, 3),
            personQuerySeconds = Math.Round(personSeconds, 4),
        }));
        return stored == count && person.Count == 1 && counts.Delivered == (dlrs ? count : 0) ? 0 : 1;
    }
}
