using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Warning.Benchmarks;

/// <summary>
/// One batch of delivery rows into each store: the naive Dapper Execute(list) in one transaction (baseline)
/// against the stores' bulk paths (SQLite prepared statement, PostgreSQL binary COPY).
/// </summary>
[MemoryDiagnoser]
public class DeliveryBatchBenchmarks
{
    private BenchStores? _sqlite;
    private BenchStores? _postgres;
    private int _run;

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _sqlite = await BenchStores.CreateAsync("sqlite");
        _postgres = await BenchStores.CreateAsync("postgres");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _sqlite!.DisposeAsync();
        await _postgres!.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task SqliteDapperExecuteList()
    {
        // Keys straight from the row number (no registries): the baseline measures Dapper's per-row cost only.
        var version = _run++;
        var rows = BenchData.Batch($"naive-{version}", 0, Rows).Select((d, i) => new
        {
            VersionKey = -version,
            RecipientKey = i,
            ChannelKey = 1,
            d.AreaCode,
            State = (int)d.State,
            d.ProviderMessageId,
            CreatedAtMs = d.At.ToUnixTimeMilliseconds(),
        });
        await using var connection = new SqliteConnection(_sqlite!.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO deliveries (version_key, recipient_key, channel_key, area_code, state, provider_message_id, created_at_ms) " +
            "VALUES (@VersionKey, @RecipientKey, @ChannelKey, @AreaCode, @State, @ProviderMessageId, @CreatedAtMs)", rows, transaction);
        await transaction.CommitAsync();
    }

    [Benchmark]
    public Task SqlitePreparedBatch() =>
        _sqlite!.Store.RecordDeliveriesAsync(BenchData.Batch($"sqlite-{_run++}", 0, Rows), CancellationToken.None);

    [Benchmark]
    public Task PostgreSqlBinaryCopy() =>
        _postgres!.Store.RecordDeliveriesAsync(BenchData.Batch($"postgres-{_run++}", 0, Rows), CancellationToken.None);
}
