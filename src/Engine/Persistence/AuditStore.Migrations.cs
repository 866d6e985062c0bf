using System.Data.Common;
using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    /// <summary>Takes the dialect's migration lock (if any) and creates schema_version when missing.</summary>
    private protected abstract string MigrationPreambleSql { get; }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await BeforeMigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(Command(MigrationPreambleSql, null, transaction, cancellationToken)).ConfigureAwait(false);
                var applied = (await connection.QueryAsync<long>(Command(
                    "SELECT CAST(version AS BIGINT) FROM schema_version", null, transaction, cancellationToken))
                    .ConfigureAwait(false)).ToHashSet();
                foreach (var script in MigrationScripts.For(Dialect))
                {
                    if (applied.Contains(script.Version))
                    {
                        continue;
                    }

                    await connection.ExecuteAsync(Command(script.Sql, null, transaction, cancellationToken)).ConfigureAwait(false);
                    await connection.ExecuteAsync(Command(
                        "INSERT INTO schema_version (version, name, applied_at_ms) VALUES (@Version, @Name, @At)",
                        new { script.Version, script.Name, At = NowMs }, transaction, cancellationToken)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Settings that cannot change inside a transaction (SQLite's journal mode).</summary>
    private protected virtual Task BeforeMigrateAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
