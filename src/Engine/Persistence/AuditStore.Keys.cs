using System.Buffers;
using System.Data.Common;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    /// <summary>Ids registered per statement: bounds the parameter or stage size of one registration.</summary>
    private const int RegistrationChunk = 50_000;

    private readonly DeliveryKeyCache _keys = new();

    public async Task RegisterRecipientsAsync(IReadOnlyList<string> recipientIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipientIds);
        var unknown = recipientIds.Where(id => !_keys.TryGet(DeliveryRegistry.Recipients, id, out _)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await RegisterInChunksAsync(connection, DeliveryRegistry.Recipients, unknown, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Each delivery's keys, in an array rented from the shared pool (at least as long as the batch; the caller
    /// returns it). Ids seen for the first time are registered first, committed on their own, so that a key in
    /// the cache always exists in the database even if the delivery batch then fails.
    /// </summary>
    private protected async Task<DeliveryKeys[]> ResolveKeysAsync(
        DbConnection connection, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        var keys = ArrayPool<DeliveryKeys>.Shared.Rent(deliveries.Count);
        if (_keys.Fill(deliveries, keys) is not { } missing)
        {
            return keys;
        }

        try
        {
            foreach (var registry in DeliveryRegistry.All)
            {
                if (missing[registry.Ordinal].Count > 0)
                {
                    await RegisterInChunksAsync(connection, registry, missing[registry.Ordinal], cancellationToken).ConfigureAwait(false);
                }
            }

            return _keys.Fill(deliveries, keys) is null
                ? keys
                : throw new InvalidOperationException("A registry did not return a key for every id it was given.");
        }
        catch
        {
            ArrayPool<DeliveryKeys>.Shared.Return(keys);
            throw;
        }
    }

    /// <summary>The key of one id (a receipt's channel), registering it when new.</summary>
    private protected async Task<int> ResolveKeyAsync(
        DbConnection connection, DeliveryRegistry registry, string id, CancellationToken cancellationToken)
    {
        if (!_keys.TryGet(registry, id, out var key))
        {
            await RegisterInChunksAsync(connection, registry, [id], cancellationToken).ConfigureAwait(false);
            if (!_keys.TryGet(registry, id, out key))
            {
                throw new InvalidOperationException($"The registry {registry.Table} did not return a key.");
            }
        }

        return key;
    }

    /// <summary>
    /// Inserts the ids that are not in the registry yet, keys handed out in the order given, and returns the key
    /// of every id given (new or already there, also when another node registered it meanwhile). Runs in its
    /// own transaction, which is committed on return.
    /// </summary>
    private protected abstract Task<IReadOnlyList<(string Id, int Key)>> RegisterAsync(
        DbConnection connection, DeliveryRegistry registry, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    private async Task RegisterInChunksAsync(
        DbConnection connection, DeliveryRegistry registry, List<string> ids, CancellationToken cancellationToken)
    {
        for (var start = 0; start < ids.Count; start += RegistrationChunk)
        {
            var chunk = ids.GetRange(start, Math.Min(RegistrationChunk, ids.Count - start));
            var pairs = await RegisterAsync(connection, registry, chunk, cancellationToken).ConfigureAwait(false);
            _keys.Add(registry, pairs);
        }
    }

    /// <summary>One registry row as the dialects read it back.</summary>
    private protected sealed class RegistryRow
    {
        public string Id { get; set; } = "";

        public int KeyValue { get; set; }
    }
}
