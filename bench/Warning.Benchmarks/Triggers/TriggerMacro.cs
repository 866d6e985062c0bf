using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;
using Warning.Engine.Triggers;

namespace Warning.Benchmarks.Triggers;

/// <summary>
/// Issue 8: time from a threshold-crossing reading to the first adapter call of a pre-authorised rule's warning.
/// Each run saves a new rule for a new station, ingests one reading of 62 mm/h (Blue at 50) and waits for the SMS
/// adapter's first call of the thread the rule opened: create, submit, pre-authorised approve, publish (SQLite file,
/// action log), audience resolution and the in-process dispatch. Prints JSON; exits 1 if a run opened no warning.
/// <c>dotnet run -c Release --project bench/Warning.Benchmarks -- trigger --runs 30 --people 50000</c>
/// </summary>
internal static class TriggerMacro
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Department Bureau = new("qinglan-ema", "青岚区应急管理局", "44019900000000", "青岚区应急管理局",
        new Jurisdiction { AreaCodes = [DemoDistrict.DistrictCode] });

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var runs = Option(args, "--runs", 30);
        var people = Option(args, "--people", 50_000);
        var path = Path.Combine(Path.GetTempPath(), $"warning-trigger-bench-{Guid.NewGuid():N}.db");
        var time = TimeProvider.System;
        var store = new SqliteAuditStore($"Data Source={path}");
        await store.MigrateAsync(CancellationToken.None);
        var district = DemoDistrict.Generate(seed: 7, people: people);
        var directory = new DirectoryStore(district);
        var adapter = new FirstCallAdapter();
        var writer = new DeliveryBatchWriter(store);
        var board = new PublicationBoard(new AuditOutcomeSink(writer, i => district[i]?.Id ?? i.ToString(CultureInfo.InvariantCulture), time));
        var adapters = new ChannelAdapterRegistry([adapter]);
        var currency = new InProcessVersionCurrency();
        var dispatcher = new FanOutDispatcher(adapters, new InProcessDeliveryLedger(time), new InProcessRateLimiter(time), currency, board,
            new DispatchOptions(), time);
        var resolver = new AudienceResolver(directory, new ChannelPolicy(new ChannelPolicyOptions()));
        var runner = new InProcessPublicationRunner(new WarningFanOut(resolver, directory, dispatcher, time), dispatcher, adapters, board, time);
        var composer = new WarningComposer(directory, new GbIdentifierGenerator(time), time);
        var departments = new DepartmentDirectory([Bureau]);
        var warnings = new WarningService(store, store, departments, resolver, runner, currency, time);
        var triggers = new TriggerService(store, warnings, composer, departments, store, time);
        var street = district.Areas.First(a => a.Level == AreaLevel.Street).Code;

        var millis = new List<double>();
        var failures = 0;
        try
        {
            for (var run = -1; run < runs; run++) // run -1 warms up JIT and connections, and is not counted
            {
                var station = $"RG-{run + 1:000}";
                await store.SaveRuleAsync(Rule(station, street), CancellationToken.None);
                var reading = new Reading(station, "rain_1h_mm", 62, time.GetUtcNow());
                var start = Stopwatch.GetTimestamp();
                var outcomes = await triggers.IngestAsync([reading], "bench", CancellationToken.None);
                if (outcomes is not [{ Action: TriggerAction.Published, ThreadId: { } threadId }])
                {
                    failures++;
                    continue;
                }
                var first = await adapter.FirstCallOf(threadId).WaitAsync(TimeSpan.FromSeconds(30));
                if (run >= 0)
                {
                    millis.Add(Stopwatch.GetElapsedTime(start, first).TotalMilliseconds);
                }
            }
        }
        finally
        {
            await runner.DisposeAsync();
            await dispatcher.DisposeAsync();
            await writer.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
        millis.Sort();
        var report = new Dictionary<string, object?>
        {
            ["runs"] = millis.Count,
            ["people"] = people,
            ["failures"] = failures,
            ["readingToFirstAdapterCallMs"] = millis.Count == 0 ? null : new
            {
                min = Math.Round(millis[0], 1),
                median = Math.Round(millis[millis.Count / 2], 1),
                p90 = Math.Round(millis[(int)Math.Min(millis.Count - 1, Math.Ceiling(millis.Count * 0.9) - 1)], 1),
                max = Math.Round(millis[^1], 1),
            },
            ["loadAverage"] = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : null,
        };
        Console.WriteLine(JsonSerializer.Serialize(report, Indented));
        return failures == 0 ? 0 : 1;
    }

    private static TriggerRule Rule(string station, string area) => new()
    {
        Id = "bench-" + station,
        Name = "雨量站 " + station,
        DepartmentId = Bureau.Id,
        StationId = station,
        Measure = "rain_1h_mm",
        Thresholds = [new(WarningLevel.Blue, 50), new(WarningLevel.Orange, 100)],
        Hysteresis = 10,
        EventType = "11B03",
        AreaCodes = [area],
        DescriptionTemplate = "{station} 站1小时雨量 {value} 毫米，已达暴雨{level}预警标准。",
        Mode = TriggerMode.PublishDirectly,
        AuthorisedBy = "li.si",
    };

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
