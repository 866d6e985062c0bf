namespace Warning.Engine.Persistence;

/// <summary>
/// SQL shared by the dialects for the deliveries table. The forward-only rule is one comparison: a row moves
/// only while it is not final (state &lt; 3, <see cref="DeliveryState.Delivered"/>) and only to a higher state,
/// so a late or reordered write changes nothing.
/// </summary>
internal static class DeliverySql
{
    internal const string Keys = "version_key, recipient_key, channel_key";

    /// <summary>The stored columns, in the order every bulk path writes them.</summary>
    internal const string Columns =
        Keys + ", state, created_at_ms, claimed_at_ms, submitted_at_ms, completed_at_ms, area_code, provider_message_id, detail";

    /// <summary>Columns of delivery_view (as <paramref name="alias"/>) as <see cref="DeliveryView"/> reads them.</summary>
    internal static string ViewColumns(string alias) =>
        $"{alias}.version_id AS VersionId, {alias}.recipient_id AS RecipientId, {alias}.channel AS Channel, " +
        $"{alias}.area_code AS AreaCode, {alias}.state AS State, {alias}.provider_message_id AS ProviderMessageId, " +
        $"{alias}.created_at_ms AS CreatedAtMs, {alias}.claimed_at_ms AS ClaimedAtMs, {alias}.submitted_at_ms AS SubmittedAtMs, " +
        $"{alias}.completed_at_ms AS CompletedAtMs, {alias}.detail AS Detail";

    /// <summary>
    /// Collapses a staged batch to one row per delivery (the furthest state wins, first times kept). Callers that
    /// take row locks add ORDER BY <see cref="Keys"/>, so that concurrent merges lock in one order.
    /// </summary>
    internal static string CollapsedStage(string stage) =>
        $"SELECT {Keys}, MAX(state) AS state, MIN(created_at_ms) AS created_at_ms, MIN(claimed_at_ms) AS claimed_at_ms, " +
        "MIN(submitted_at_ms) AS submitted_at_ms, MAX(completed_at_ms) AS completed_at_ms, MAX(area_code) AS area_code, " +
        "MAX(provider_message_id) AS provider_message_id, MAX(detail) AS detail " +
        $"FROM {stage} GROUP BY {Keys}";

    /// <summary>The ON CONFLICT clause of SQLite and PostgreSQL (same syntax in both).</summary>
    internal const string OnConflictMoveForward =
        $" ON CONFLICT ({Keys}) DO UPDATE SET state = excluded.state, " +
        "area_code = COALESCE(excluded.area_code, deliveries.area_code), " +
        "provider_message_id = COALESCE(excluded.provider_message_id, deliveries.provider_message_id), " +
        "claimed_at_ms = COALESCE(deliveries.claimed_at_ms, excluded.claimed_at_ms), " +
        "submitted_at_ms = COALESCE(deliveries.submitted_at_ms, excluded.submitted_at_ms), " +
        "completed_at_ms = COALESCE(deliveries.completed_at_ms, excluded.completed_at_ms), " +
        "detail = COALESCE(excluded.detail, deliveries.detail) " +
        "WHERE deliveries.state < 3 AND excluded.state > deliveries.state";

    /// <summary>
    /// Deliveries whose state as read (delivery_view, receipts applied) differs from the stored row and whose
    /// receipt was received before @Cutoff: the rows the receipt purge must update before deleting receipts.
    /// Deliveries have no message-id index, so this scans them: it is maintenance, not the write path.
    /// </summary>
    internal const string ChangedByOldReceipts =
        "x.version_key = d.version_key AND x.recipient_key = d.recipient_key AND x.channel_key = d.channel_key " +
        "AND (x.state <> d.state OR COALESCE(x.completed_at_ms, -1) <> COALESCE(d.completed_at_ms, -1)) " +
        "AND EXISTS (SELECT 1 FROM first_receipts p WHERE p.channel_key = x.channel_key " +
        "AND p.provider_message_id = x.provider_message_id AND p.received_at_ms < @Cutoff)";

    /// <summary>Keeps the earliest received receipt of each provider message (SQLite and PostgreSQL syntax).</summary>
    internal const string OnConflictKeepFirstReceipt =
        " ON CONFLICT (channel_key, provider_message_id) DO UPDATE SET state = excluded.state, received_at_ms = excluded.received_at_ms " +
        "WHERE excluded.received_at_ms < first_receipts.received_at_ms";

    /// <summary>The purge's UPDATE … FROM as SQLite and PostgreSQL write it.</summary>
    internal const string FoldOldReceiptsUpdateFrom =
        "UPDATE deliveries AS d SET state = x.state, completed_at_ms = x.completed_at_ms FROM delivery_view x WHERE " +
        ChangedByOldReceipts;
}
