using System.Data.Common;
using Dapper;

namespace Warning.Engine.Persistence;

/// <summary>
/// The Dapper implementation shared by the three dialects. Each dialect supplies its connection, its
/// migration scripts, a few SQL fragments and its fastest bulk path; everything else is written once here.
/// </summary>
public abstract partial class AuditStore : IAuditStore
{
    private protected AuditStore(AuditStoreOptions? options, TimeProvider? timeProvider)
    {
        Options = options ?? new AuditStoreOptions();
        Time = timeProvider ?? TimeProvider.System;
    }

    private protected AuditStoreOptions Options { get; }

    private protected TimeProvider Time { get; }

    /// <summary>The folder of this dialect's migration scripts under Persistence/Migrations.</summary>
    private protected abstract string Dialect { get; }

    /// <summary>A string type that an integer can be cast to (CAST(x AS …)).</summary>
    private protected abstract string TextType { get; }

    private protected abstract DbConnection CreateConnection();

    private protected long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private protected virtual async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected static CommandDefinition Command(
        string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
