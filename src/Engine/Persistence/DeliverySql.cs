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

    /// <summary>Columns of delivery_view (or of a query shaped like it) as <see cref="DeliveryView"/> reads them.</summary>
    internal const string ViewColumns =
        "version_id AS VersionId, recipient_id AS RecipientId, channel AS Channel, area_code AS AreaCode, state AS State, " +
        "provider_message_id AS ProviderMessageId, created_at_ms AS CreatedAtMs, claimed_at_ms AS ClaimedAtMs, " +
        "submitted_at_ms AS SubmittedAtMs, completed_at_ms AS CompletedAtMs, detail AS Detail";

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

    /// <summary>UPDATE … FROM as SQLite and PostgreSQL write it.</summary>
    internal const string MatchReceiptsUpdateFrom =
        "UPDATE deliveries SET state = r.state, completed_at_ms = r.received_at_ms " +
        "FROM (" + UnmatchedReceipts + ") AS r " +
        "WHERE deliveries.channel_key = r.channel_key AND deliveries.provider_message_id = r.provider_message_id " +
        "AND deliveries.state < 3 AND r.state > deliveries.state;" + MarkReceiptsMatched;

    internal const string UnmatchedReceipts =
        "SELECT channel_key, provider_message_id, MIN(state) AS state, MIN(received_at_ms) AS received_at_ms " +
        "FROM provider_receipts WHERE matched_at_ms IS NULL GROUP BY channel_key, provider_message_id";

    internal const string MarkReceiptsMatched =
        " UPDATE provider_receipts SET matched_at_ms = @Now WHERE matched_at_ms IS NULL AND EXISTS (" +
        "SELECT 1 FROM deliveries d WHERE d.channel_key = provider_receipts.channel_key " +
        "AND d.provider_message_id = provider_receipts.provider_message_id);";
}
