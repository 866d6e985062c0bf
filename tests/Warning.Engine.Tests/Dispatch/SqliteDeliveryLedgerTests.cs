using Microsoft.Data.Sqlite;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.Sqlite;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>The SQLite ledger passes the ledger contract, and a new instance on the same file (a restart) remembers.</summary>
public sealed class SqliteDeliveryLedgerTests : DeliveryLedgerContractTests, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
    private readonly List<SqliteDeliveryLedger> _ledgers = [];

    protected override Task<IDeliveryLedger[]> CreateNodesAsync(int count) =>
        Task.FromResult(Enumerable.Range(0, count).Select(_ => (IDeliveryLedger)Open()).ToArray());

    [Fact]
    public async Task ClaimAsync_AfterRestartOnTheSameFile_RemembersConfirmedAndUnconfirmedClaims()
    {
        var scope = NewScope();
        var before = Open();
        await ClaimAsync(before, scope, 1, 2);
        await before.ConfirmAsync(scope, new[] { 1 }, Token);
        before.Dispose();

        var after = Open();

        Assert.Equal([ClaimOutcome.AlreadyConfirmed, ClaimOutcome.ClaimedNotConfirmed, ClaimOutcome.Claimed], await ClaimAsync(after, scope, 1, 2, 3));
    }

    public void Dispose()
    {
        _ledgers.ForEach(l => l.Dispose());
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    private SqliteDeliveryLedger Open()
    {
        var ledger = new SqliteDeliveryLedger($"Data Source={_file}", TimeProvider.System);
        _ledgers.Add(ledger);
        return ledger;
    }
}
