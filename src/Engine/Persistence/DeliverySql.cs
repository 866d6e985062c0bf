namespace Warning.Engine.Persistence;

/// <summary>
/// SQL shared by the dialects for the deliveries table. The forward-only rule is one comparison: a row moves
/// only while it is not final (state &lt; 3, <see cref="DeliveryState.Delivered"/>) and only to a higher state,
/// so a late or reordered write changes nothing.
/// </summary>
internal static class DeliverySql
{
    internal const string Columns =
        "version_id, recipient_id, channel, area_code, state, provider_message_id, created_at_ms, claimed_at_ms, submitted_at_ms, completed_at_ms, detail";

    internal const string ValueParameters =
        "@VersionId, @RecipientId, @Channel, @AreaCode, @State, @ProviderMessageId, @CreatedAtMs, @ClaimedAtMs, @SubmittedAtMs, @CompletedAtMs, @Detail";

    internal const string ViewColumns =
        "version_id AS VersionId, recipient_id AS RecipientId, channel AS Channel, area_code AS AreaCode, state AS State, " +
        "provider_message_id AS ProviderMessageId, created_at_ms AS CreatedAtMs, claimed_at_ms AS ClaimedAtMs, " +
        "submitted_at_ms AS SubmittedAtMs, completed_at_ms AS CompletedAtMs, detail AS Detail";

    /// <summary>Collapses a staged batch to one row per delivery (the furthest state wins, first times kept).</summary>
    internal static string CollapsedStage(string stage) =>
        "SELECT version_id, recipient_id, channel, MAX(area_code) AS area_code, MAX(state) AS state, " +
        "MAX(provider_message_id) AS provider_message_id, MIN(created_at_ms) AS created_at_ms, MIN(claimed_at_ms) AS claimed_at_ms, " +
        "MIN(submitted_at_ms) AS submitted_at_ms, MAX(completed_at_ms) AS completed_at_ms, MAX(detail) AS detail " +
        $"FROM {stage} GROUP BY version_id, recipient_id, channel";

    /// <summary>The ON CONFLICT clause of SQLite and PostgreSQL (same syntax in both).</summary>
    internal const string OnConflictMoveForward =
        " ON CONFLICT (version_id, recipient_id, channel) DO UPDATE SET state = excluded.state, " +
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
        "WHERE deliveries.channel = r.channel AND deliveries.provider_message_id = r.provider_message_id " +
        "AND deliveries.state < 3 AND r.state > deliveries.state;" + MarkReceiptsMatched;

    internal const string UnmatchedReceipts =
        "SELECT channel, provider_message_id, MIN(state) AS state, MIN(received_at_ms) AS received_at_ms " +
        "FROM provider_receipts WHERE matched_at_ms IS NULL GROUP BY channel, provider_message_id";

    internal const string MarkReceiptsMatched =
        " UPDATE provider_receipts SET matched_at_ms = @Now WHERE matched_at_ms IS NULL AND EXISTS (" +
        "SELECT 1 FROM deliveries d WHERE d.channel = provider_receipts.channel " +
        "AND d.provider_message_id = provider_receipts.provider_message_id);";
}
