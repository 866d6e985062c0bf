using System.Globalization;
using Warning.Engine.Persistence;

// Child process of the crash tests (tests/Warning.Engine.Tests/Persistence/*CrashTests.cs): writes numbered
// delivery batches through the DeliveryBatchWriter, one batch per transaction, and prints "committed N" as
// soon as batch N has committed, until it is killed.
// Usage: Warning.StoreWriter <sqlite|postgres> <connection string> <batches> <batch size>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Warning.StoreWriter <sqlite|postgres> <connection string> <batches> <batch size>");
    return 2;
}

var batches = int.Parse(args[2], CultureInfo.InvariantCulture);
var size = int.Parse(args[3], CultureInfo.InvariantCulture);
AuditStore store = args[0] switch
{
    "sqlite" => new SqliteAuditStore(args[1]),
    "postgres" => new PostgreSqlAuditStore(args[1]),
    _ => throw new ArgumentException($"unknown store '{args[0]}'"),
};
await store.MigrateAsync(CancellationToken.None);
var writer = new DeliveryBatchWriter(store, new DeliveryBatchWriterOptions { QueueCapacity = 4, MaxRowsPerTransaction = size });
writer.BatchCommitted += sequence => Console.WriteLine($"committed {sequence}");
Console.WriteLine("ready");
var at = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
for (var batch = 1; batch <= batches; batch++)
{
    var rows = new DeliveryRecord[size];
    for (var i = 0; i < size; i++)
    {
        rows[i] = new DeliveryRecord($"b{batch}", $"r{i}", "sms", "440106001", DeliveryState.Submitted, at, $"m{batch}-{i}");
    }

    await writer.WriteAsync(rows, CancellationToken.None);
}

await writer.DisposeAsync();
Console.WriteLine("done");
return 0;
