using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore
{
    /// <summary>
    /// FROM … WHERE of "what did this person receive" (@RecipientId), delivery_view's rows as "d". It must probe
    /// the primary key once per version: there is no index on recipient alone (see the migrations).
    /// </summary>
    private protected abstract string RecipientDeliveriesFrom { get; }

    /// <summary>Writes into the delivery rows the state that receipts received before @Cutoff gave them.</summary>
    private protected abstract string FoldOldReceiptsSql { get; }

    public async Task<IReadOnlyList<DeliveryCounts>> GetDeliveryCountsAsync(
        string versionId, AuditGrouping grouping, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versionId);
        var key = grouping switch
        {
            AuditGrouping.None => null,
            AuditGrouping.Channel => "channel",
            AuditGrouping.Area => "COALESCE(area_code, '')",
            AuditGrouping.State => $"CAST(state AS {TextType})",
            _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
        };
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var parameters = new DynamicParameters(new { VersionKey = await VersionKeyAsync(connection, versionId, cancellationToken).ConfigureAwait(false) });
            var sql =
                $"SELECT {key ?? "'all'"} AS Name, CAST(COUNT(*) AS BIGINT) AS Targeted, " +
                "CAST(COALESCE(SUM(CASE WHEN claimed_at_ms IS NOT NULL OR submitted_at_ms IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS Claimed, " +
                "CAST(COALESCE(SUM(CASE WHEN submitted_at_ms IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS Submitted, " +
                "CAST(COALESCE(SUM(CASE WHEN state = 3 THEN 1 ELSE 0 END), 0) AS BIGINT) AS Delivered, " +
                "CAST(COALESCE(SUM(CASE WHEN state = 4 THEN 1 ELSE 0 END), 0) AS BIGINT) AS Failed " +
                $"FROM delivery_view WHERE version_key = @VersionKey{AuditFilterSql.Where(filter, parameters)}" +
                (key is null ? "" : $" GROUP BY {key} ORDER BY 1");
            var rows = await connection.QueryAsync<DeliveryCounts>(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false);
            return grouping == AuditGrouping.State
                ? rows.Select(r => r with { Name = ((DeliveryState)int.Parse(r.Name, CultureInfo.InvariantCulture)).ToString() }).ToList()
                : rows.ToList();
        }
    }

    public async Task<IReadOnlyList<DeliveryCurvePoint>> GetDeliveryCurveAsync(
        string versionId, TimeSpan bucket, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versionId);
        var bucketMs = (long)bucket.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketMs, 1L, nameof(bucket));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var versionKey = await VersionKeyAsync(connection, versionId, cancellationToken).ConfigureAwait(false);
            var parameters = new DynamicParameters(new { VersionKey = versionKey, BucketMs = bucketMs });
            var sql =
                "SELECT bucket AS Bucket, CAST(COUNT(*) AS BIGINT) AS Delivered FROM (" +
                "SELECT completed_at_ms / @BucketMs AS bucket FROM delivery_view " +
                $"WHERE version_key = @VersionKey AND state = 3 AND completed_at_ms IS NOT NULL{AuditFilterSql.Where(filter, parameters)}" +
                ") b GROUP BY bucket ORDER BY bucket";
            var rows = await connection.QueryAsync<CurveRow>(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false);
            var cumulative = 0L;
            return rows.Select(r =>
            {
                cumulative += r.Delivered;
                return new DeliveryCurvePoint(DateTimeOffset.FromUnixTimeMilliseconds(r.Bucket * bucketMs), r.Delivered, cumulative);
            }).ToList();
        }
    }

    public async Task<IReadOnlyList<DeliveryView>> GetRecipientDeliveriesAsync(
        string recipientId, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipientId);
        var parameters = new DynamicParameters(new { RecipientId = recipientId });
        var sql = $"SELECT {DeliverySql.ViewColumns("d")} FROM {RecipientDeliveriesFrom}" +
            $"{AuditFilterSql.Where(filter, parameters)} ORDER BY CreatedAtMs, VersionId, Channel";
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<DeliveryView>(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false);
            return rows.ToList();
        }
    }

    public async IAsyncEnumerable<DeliveryView> StreamDeliveriesAsync(
        string? versionId, AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var parameters = new DynamicParameters(new
            {
                VersionKey = versionId is null ? 0 : await VersionKeyAsync(connection, versionId, cancellationToken).ConfigureAwait(false),
            });
            // Key order is the primary key's: rows stream without a sort (recipients in registration order).
            var sql = $"SELECT {DeliverySql.ViewColumns("d")} FROM delivery_view d WHERE " +
                (versionId is null ? "1 = 1" : "version_key = @VersionKey") +
                $"{AuditFilterSql.Where(filter, parameters)} ORDER BY {DeliverySql.Keys}";
            var rows = connection.QueryUnbufferedAsync<DeliveryView>(sql, parameters);
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    public async Task<int> PurgeExpiredReceiptsAsync(CancellationToken cancellationToken)
    {
        if (Options.ReceiptRetention is not { } keep)
        {
            return 0;
        }

        var cutoff = (Time.GetUtcNow() - keep).ToUnixTimeMilliseconds();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // A receipt's effect on its delivery must outlive the receipt: write it into the row first.
                await connection.ExecuteAsync(Command(FoldOldReceiptsSql, new { Cutoff = cutoff }, transaction, cancellationToken))
                    .ConfigureAwait(false);
                await connection.ExecuteAsync(Command(
                    "DELETE FROM first_receipts WHERE received_at_ms < @Cutoff", new { Cutoff = cutoff }, transaction, cancellationToken))
                    .ConfigureAwait(false);
                var purged = await connection.ExecuteAsync(Command(
                    "DELETE FROM provider_receipts WHERE received_at_ms < @Cutoff", new { Cutoff = cutoff }, transaction, cancellationToken))
                    .ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return purged;
            }
        }
    }

    /// <summary>
    /// A version's key, or -1 (matches nothing) for a version never written. Looked up on its own so that the
    /// query that follows compares the key with a constant, whose share of the table the planner knows.
    /// </summary>
    private static async Task<int> VersionKeyAsync(DbConnection connection, string versionId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<int?>(Command(
            "SELECT CAST(version_key AS INTEGER) FROM delivery_versions WHERE version_id = @VersionId",
            new { VersionId = versionId }, null, cancellationToken)).ConfigureAwait(false) ?? -1;

    private sealed class CurveRow
    {
        public long Bucket { get; set; }

        public long Delivered { get; set; }
    }
}
