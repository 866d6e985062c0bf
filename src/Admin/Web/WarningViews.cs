using Warning.Admin.Contracts;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;

namespace Warning.Admin.Web;

/// <summary>Turns threads, fan-out progress and audit counts into the views that both the API and the pages show.</summary>
public sealed class WarningViews(PublicationBoard board, IAuditStore audit, ChannelPolicy policy, WarningService service,
    ChannelAdapterRegistry adapters, TimeProvider timeProvider)
{
    public static ThreadSummary Summary(WorkflowRecord record) => new(record.ThreadId, record.DepartmentId, record.State, record.Status,
        record.Level is { } level ? ((WarningLevel)level).ToString() : null, record.EventCode, record.Headline, record.PendingState,
        record.CreatedAt, record.UpdatedAt);

    public static ThreadView Thread(IssuedThread issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var thread = issued.Thread;
        return new ThreadView(thread.ThreadId, issued.DepartmentId, thread.State.ToString(), thread.Status.ToString(), issued.Revision,
            thread.Current?.Id, thread.Pending?.Id, $"/w/{Uri.EscapeDataString(thread.ThreadId)}",
            [.. thread.Versions.Select(Version)]);
    }

    public static VersionView Version(WarningVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var content = version.Content;
        var info = content.Infos.Count > 0 ? content.Infos[0] : null;
        return new VersionView(version.Id, version.Kind.ToString(), version.State.ToString(), content.Status.ToString(),
            version.Level?.ToString(), info?.Headline, info?.Description, info?.Instruction, info?.Event, info?.EventType,
            [.. (info?.Areas ?? []).SelectMany(a => a.AdminCodes.Select(c => new AreaView(c, a.AreaDesc)))],
            [.. content.TargetGroups], [.. content.Channels.Select(c => c.Channel)], version.DraftedBy, version.ApprovedBy,
            content.Sent, version.PublishedAt, content.Note,
            [.. version.History.Select(h => new HistoryView(h.Action.ToString(), h.Actor, h.At, h.Comment))]);
    }

    public async Task<ProgressView> ProgressAsync(string threadId, string versionId, CancellationToken cancellationToken)
    {
        if (board.Get(versionId) is { } live)
        {
            // Delivery receipts and device acks arrive after the sending is done and go to the audit store, not to the
            // live board: once the run is complete, the store's count of them is shown (asked only then, to cost a
            // running fan-out nothing).
            var receipts = live.State == PublicationState.Completed
                ? (await audit.GetDeliveryCountsAsync(versionId, AuditGrouping.Channel, AuditFilter.None, cancellationToken))
                    .ToDictionary(c => c.Name, c => c.Delivered, StringComparer.OrdinalIgnoreCase)
                : [];
            var channels = live.Channels.Select(c => new ChannelProgressView(c.Channel, c.Targeted, c.Sent,
                Math.Max(c.Delivered, receipts.GetValueOrDefault(c.Channel)), c.Failed,
                c.Skipped, c.Unknown, c.Done, Percent(c.Done, c.Targeted))).ToList();
            return new ProgressView(versionId, live.State.ToString(), live.StartedAt, live.CompletedAt, channels, live.UnavailableChannels,
                live.Error, Percent(channels.Sum(c => c.Done), channels.Sum(c => c.Targeted)));
        }
        // Another node ran it, or this one restarted: the audit store still knows every delivery.
        var counts = await audit.GetDeliveryCountsAsync(versionId, AuditGrouping.Channel, AuditFilter.None, cancellationToken);
        var stored = counts.Select(c =>
        {
            var done = c.Submitted + c.Failed;
            return new ChannelProgressView(c.Name, c.Targeted, c.Submitted, c.Delivered, c.Failed, 0, 0, done, Percent(done, c.Targeted));
        }).ToList();
        var state = stored.Count > 0 ? "Recorded"
            : await IsScheduledAsync(threadId, versionId, cancellationToken) ? nameof(PublicationState.Scheduled) : "NotStarted";
        return new ProgressView(versionId, state, null, null, stored, [], null,
            Percent(stored.Sum(c => c.Done), stored.Sum(c => c.Targeted)));
    }

    /// <summary>Released and waiting for its effective time, whichever node will start it (the schedule is shared).</summary>
    private async Task<bool> IsScheduledAsync(string threadId, string versionId, CancellationToken cancellationToken)
    {
        try
        {
            var version = (await service.GetAsync(threadId, cancellationToken)).Thread.Versions.FirstOrDefault(v => v.Id == versionId);
            return version is { State: VersionState.Published }
                && version.Content.Infos.Select(i => i.Effective).Min() is { } effective && effective > timeProvider.GetUtcNow();
        }
        catch (IssuingException e) when (e.Error == IssuingError.NotFound)
        {
            return false;
        }
    }

    public AudiencePreviewView Preview(WarningMessage message)
    {
        var audience = service.Preview(message);
        var channels = audience.ByChannel.Keys.Concat(message.Channels.Select(c => c.Channel))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        var texts = channels.Select(channel =>
        {
            var text = policy.RenderText(message, channel);
            return new ChannelTextView(channel, text.Text, text.OriginalLength, policy.MaxTextLength(channel), text.Truncated);
        }).ToList();
        var unavailable = audience.ByChannel.Where(c => c.Value > 0 && !adapters.TryGet(c.Key, out _)).Select(c => c.Key)
            .Order(StringComparer.Ordinal).ToList();
        var total = audience.ByChannel.Where(c => !unavailable.Contains(c.Key)).Sum(c => c.Value);
        return new AudiencePreviewView(total, audience.ByChannel, audience.UnsupportedChannels, texts,
            message.Infos.Count > 0 ? message.Infos[0].Headline ?? "" : "", unavailable);
    }

    public async Task<VersionReport> ReportAsync(IssuedThread issued, string versionId, CancellationToken cancellationToken)
    {
        var version = issued.Thread.Versions.FirstOrDefault(v => v.Id == versionId)
            ?? throw new IssuingException(IssuingError.NotFound, $"预警事件 {issued.Thread.ThreadId} 没有版本 {versionId}。");
        var report = new ReportTally(channel => adapters.TryGet(channel, out var adapter) && adapter.Capabilities.SupportsDeliveryReceipts);
        await foreach (var delivery in audit.StreamDeliveriesAsync(versionId, AuditFilter.None, cancellationToken))
        {
            report.Add(delivery);
        }
        return report.ToReport(issued.Thread.ThreadId, versionId, version.PublishedAt);
    }

    private static double Percent(long done, long targeted) => targeted == 0 ? 0 : Math.Round(100.0 * done / targeted, 1);
}
