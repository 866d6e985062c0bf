using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Warning.Engine.Dispatch.Sqlite;

/// <summary>
/// The claim ledger of the embedded profile when it must survive a restart: one row per claimed recipient
/// (scope, recipient, confirmed, expiry) in a SQLite file of its own, so that after a crash the resumed shards know
/// who was served (skip), who was claimed but never confirmed (Unknown: the policy decides) and who is new. A batch is
/// one IMMEDIATE transaction, so two processes on the same file (a restart that overlaps) still claim each recipient
/// once. Slower than the in-memory bitmaps (a row per recipient) and only for one machine; Redis for several nodes.
/// </summary>
public sealed class SqliteDeliveryLedger : IDeliveryLedger, IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public SqliteDeliveryLedger(string connectionString, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ConnectionString);
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS ledger (
                scope TEXT NOT NULL, recipient INTEGER NOT NULL, confirmed INTEGER NOT NULL, expires_ms INTEGER NOT NULL,
                PRIMARY KEY (scope, recipient)) WITHOUT ROWID;
            """);
    }

    /// <inheritdoc />
    public async ValueTask ClaimAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, Memory<ClaimOutcome> outcomes,
        TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outcomes.Length, recipients.Length, nameof(outcomes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero, nameof(timeToLive));
        ThrowIfAnyNegative(recipients.Span);
        cancellationToken.ThrowIfCancellationRequested();
        if (recipients.IsEmpty)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _timeProvider.GetUtcNow();
            SweepIfDue(now);
            var nowMs = now.ToUnixTimeMilliseconds();
            var expiresMs = (now + timeToLive).ToUnixTimeMilliseconds();
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var read = Command("SELECT confirmed, expires_ms FROM ledger WHERE scope = $scope AND recipient = $recipient", transaction);
            using var write = Command(
                "INSERT OR REPLACE INTO ledger (scope, recipient, confirmed, expires_ms) VALUES ($scope, $recipient, 0, $expires)", transaction);
            var key = Key(scope);
            read.Parameters.AddWithValue("$scope", key);
            var readRecipient = read.Parameters.Add("$recipient", SqliteType.Integer);
            write.Parameters.AddWithValue("$scope", key);
            write.Parameters.AddWithValue("$expires", expiresMs);
            var writeRecipient = write.Parameters.Add("$recipient", SqliteType.Integer);
            var source = recipients.Span;
            var target = outcomes.Span;
            for (var i = 0; i < source.Length; i++)
            {
                readRecipient.Value = source[i];
                using (var reader = read.ExecuteReader())
                {
                    if (reader.Read() && reader.GetInt64(1) > nowMs)
                    {
                        target[i] = reader.GetInt64(0) == 1 ? ClaimOutcome.AlreadyConfirmed : ClaimOutcome.ClaimedNotConfirmed;
                        continue;
                    }
                }
                writeRecipient.Value = source[i];
                write.ExecuteNonQuery();
                target[i] = ClaimOutcome.Claimed;
            }
            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask ConfirmAsync(LedgerScope scope, ReadOnlyMemory<int> recipients, CancellationToken cancellationToken)
    {
        ThrowIfAnyNegative(recipients.Span);
        cancellationToken.ThrowIfCancellationRequested();
        if (recipients.IsEmpty)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var update = Command("UPDATE ledger SET confirmed = 1 WHERE scope = $scope AND recipient = $recipient", transaction);
            update.Parameters.AddWithValue("$scope", Key(scope));
            var recipient = update.Parameters.Add("$recipient", SqliteType.Integer);
            foreach (var index in recipients.Span)
            {
                recipient.Value = index;
                update.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }
        _nextSweep = now + SweepInterval;
        using var sweep = Command("DELETE FROM ledger WHERE expires_ms <= $now", null);
        sweep.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        sweep.ExecuteNonQuery();
    }

    private static string Key(LedgerScope scope) =>
        string.Create(CultureInfo.InvariantCulture, $"{scope.ThreadId}\u001f{scope.VersionId}\u001f{scope.Channel}");

    private SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        var command = _connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL; values go in parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql, null);
        command.ExecuteNonQuery();
    }

    private static void ThrowIfAnyNegative(ReadOnlySpan<int> recipients)
    {
        foreach (var recipient in recipients)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(recipient, nameof(recipients));
        }
    }
}
