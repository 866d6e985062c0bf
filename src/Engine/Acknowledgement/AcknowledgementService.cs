using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// 叫应 (warning-standards.md §2.5): when a version of a configured level is published, every responsible official of
/// its areas gets a request to answer, sent straight through the channel adapters; answers come back by SMS reply,
/// link or console button; a request nobody answers climbs the <see cref="EscalationPlan"/> at each deadline. Every
/// step is appended to the action log. Drills (Exercise versions) run the same chain, marked 【演练】.
/// </summary>
public sealed partial class AcknowledgementService(
    IAcknowledgementStore store,
    IAuditStore audit,
    DirectoryStore directory,
    ChannelAdapterRegistry adapters,
    IAcknowledgementScheduler scheduler,
    AcknowledgementOptions options,
    TimeProvider timeProvider,
    ILogger<AcknowledgementService>? logger = null)
{
    /// <summary>The action-log actor of steps the system takes (requests, escalation).</summary>
    public const string Actor = "叫应";

    /// <summary>Appended to the version id in the content of 叫应 messages.</summary>
    public const string AckSuffix = "/ack";

    private readonly EscalationPlan _plan = new(options);
    private readonly ILogger _logger = logger ?? NullLogger<AcknowledgementService>.Instance;
    private OfficialRoster? _roster;

    public AcknowledgementOptions Options => options;

    /// <summary>
    /// Starts 叫应 for a just-published version when its level needs it (closing what older versions of the thread
    /// still wait for); returns the requests made, none when the version needs no answer.
    /// </summary>
    public async Task<IReadOnlyList<AcknowledgementRequest>> StartAsync(string threadId, WarningMessage version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        ArgumentNullException.ThrowIfNull(version);
        await CloseOlderAsync(threadId, version.Identifier, cancellationToken).ConfigureAwait(false);
        if (!options.Applies(version))
        {
            return [];
        }
        var roster = Roster();
        var now = timeProvider.GetUtcNow();
        var due = now + options.AnswerWithin;
        var headline = version.Infos.Select(i => i.Headline).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h)) ?? version.Identifier;
        var drill = version.Status == AlertStatus.Exercise;
        var planned = new List<(AcknowledgementRequest Request, EscalationMove Move)>();
        foreach (var official in roster.ResponsibleFor(version))
        {
            if (_plan.First(roster, official) is not { } move)
            {
                continue; // no phone and no WeChat: nothing can reach this official; the report of the directory shows it
            }
            var request = new AcknowledgementRequest(NewId(), threadId, version.Identifier, official.AreaCode, official.Id,
                NewCode(), headline, drill, now)
            { DueAt = due };
            planned.Add((request, move));
        }
        await store.AddAcknowledgementRequestsAsync([.. planned.Select(p => p.Request)], cancellationToken).ConfigureAwait(false);
        await LogAsync(Actor, "ack-start", threadId, version.Identifier,
            $"requests={planned.Count}; drill={drill}; due={due:O}", cancellationToken).ConfigureAwait(false);
        // The first round is written as one batch and one log entry: a district-wide Red asks a couple of hundred
        // officials while the version's own deliveries are being written to the same store.
        var contacts = new List<AcknowledgementContact>();
        foreach (var (request, move) in planned)
        {
            contacts.AddRange(await SendStepAsync(request, move, roster, cancellationToken).ConfigureAwait(false));
        }
        await RecordContactsAsync(threadId, version.Identifier, EscalationStep.Initial, contacts, cancellationToken).ConfigureAwait(false);
        foreach (var (request, _) in planned)
        {
            await scheduler.ScheduleAsync(request.RequestId, EscalationStep.Initial, due, cancellationToken).ConfigureAwait(false);
        }
        return [.. planned.Select(p => p.Request)];
    }

    /// <summary>
    /// A deadline: when the request still waits at <paramref name="step"/>, takes the next step of the policy (or
    /// marks it unanswered when none is left). Returns whether anything changed.
    /// </summary>
    public async Task<bool> OnDeadlineAsync(string requestId, EscalationStep step, CancellationToken cancellationToken)
    {
        var request = await store.GetAcknowledgementRequestAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request is not { State: AcknowledgementState.Pending } || request.Step != step)
        {
            return false; // answered, closed, or already moved on by another node's deadline
        }
        var roster = Roster();
        var official = roster.Find(request.PersonId);
        var move = official is null ? null : _plan.Next(step, roster, official);
        if (move is null)
        {
            if (!await store.TryEndAcknowledgementAsync(requestId, AcknowledgementState.Unanswered, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            await LogAsync(Actor, "ack-unanswered", request.ThreadId, request.VersionId,
                $"request={requestId}; official={request.PersonId}; area={request.AreaCode}; last-step={step}", cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        var due = timeProvider.GetUtcNow() + options.AnswerWithin;
        if (!await store.TryAdvanceAcknowledgementAsync(requestId, step, move.Step, due, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await LogAsync(Actor, "ack-escalate", request.ThreadId, request.VersionId,
            $"request={requestId}; official={request.PersonId}; from={step}; to={move.Step}; due={due:O}", cancellationToken)
            .ConfigureAwait(false);
        var contacts = await SendStepAsync(request, move, roster, cancellationToken).ConfigureAwait(false);
        await RecordContactsAsync(request.ThreadId, request.VersionId, move.Step, contacts, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleAsync(requestId, move.Step, due, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Schedules again the deadlines of every pending request (a restarted node whose schedules lived in memory).</summary>
    public async Task<int> ReschedulePendingAsync(CancellationToken cancellationToken)
    {
        var pending = await store.ListPendingAcknowledgementRequestsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var request in pending)
        {
            await scheduler.ScheduleAsync(request.RequestId, request.Step, request.DueAt, cancellationToken).ConfigureAwait(false);
        }
        return pending.Count;
    }

    /// <summary>Sends one step's messages; each becomes a contact with the adapter's answer.</summary>
    private async Task<List<AcknowledgementContact>> SendStepAsync(AcknowledgementRequest request, EscalationMove move,
        OfficialRoster roster, CancellationToken cancellationToken)
    {
        var areaName = roster.AreaName(request.AreaCode);
        var officialName = roster.Find(request.PersonId)?.Name;
        var contacts = new List<AcknowledgementContact>(move.Targets.Count);
        foreach (var target in move.Targets)
        {
            var token = string.Equals(target.Channel, AudienceChannels.Sms, StringComparison.OrdinalIgnoreCase) ? null : NewToken();
            var text = AcknowledgementTexts.Message(request, move.Step, target.Channel, areaName, officialName, token, options);
            var (status, detail) = await SendAsync(request, target, text, roster, cancellationToken).ConfigureAwait(false);
            contacts.Add(new AcknowledgementContact(request.RequestId, target.PersonId, target.Channel, AddressHash(target.Address),
                move.Step, timeProvider.GetUtcNow(), status, token, detail));
        }
        return contacts;
    }

    private async Task RecordContactsAsync(string threadId, string versionId, EscalationStep step,
        IReadOnlyList<AcknowledgementContact> contacts, CancellationToken cancellationToken)
    {
        await store.AddAcknowledgementContactsAsync(contacts, cancellationToken).ConfigureAwait(false);
        await LogAsync(Actor, "ack-contact", threadId, versionId, $"step={step}; " +
            string.Join(", ", contacts.Select(c => $"{c.RequestId}:{c.PersonId}/{c.Channel}={c.Status}")), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Status, string? Detail)> SendAsync(AcknowledgementRequest request, EscalationTarget target, string text,
        OfficialRoster roster, CancellationToken cancellationToken)
    {
        if (!adapters.TryGet(target.Channel, out var adapter))
        {
            return ("NoChannel", $"no adapter for {target.Channel}");
        }
        roster.Directory.TryGetIndex(target.PersonId, out var index);
        // A 叫应 message is not a delivery of the version: its own key keeps it apart from the version's sends in
        // whatever an adapter keys by version (the sandbox's duplicate count, send logs).
        var content = new DeliveryContent(request.ThreadId, request.VersionId + AckSuffix, MessageType.Alert,
            request.Drill ? AlertStatus.Exercise : AlertStatus.Actual, null, text, null);
        try
        {
            var results = await adapter.SendAsync(new DeliveryBatch(content, [new DeliveryRecipient(index, target.Address)]),
                cancellationToken).ConfigureAwait(false);
            return results.Count > 0 ? (results[0].Status.ToString(), results[0].Detail) : ("Unknown", null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An adapter bug must not stop the chain: the contact is recorded Failed and the deadline still escalates.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.SendCrashed(_logger, e, target.Channel, request.RequestId);
            return ("Failed", e.GetType().Name);
        }
    }

    private async Task CloseOlderAsync(string threadId, string versionId, CancellationToken cancellationToken)
    {
        foreach (var older in await store.ListPendingAcknowledgementRequestsOfThreadAsync(threadId, versionId, cancellationToken)
            .ConfigureAwait(false))
        {
            if (await store.TryEndAcknowledgementAsync(older.RequestId, AcknowledgementState.Closed, cancellationToken).ConfigureAwait(false))
            {
                await LogAsync(Actor, "ack-close", threadId, older.VersionId,
                    $"request={older.RequestId}; replaced-by={versionId}", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private OfficialRoster Roster()
    {
        var current = directory.Current;
        var roster = Volatile.Read(ref _roster);
        if (roster is null || !ReferenceEquals(roster.Directory, current))
        {
            roster = new OfficialRoster(current);
            Volatile.Write(ref _roster, roster);
        }
        return roster;
    }

    private Task<ActionLogEntry> LogAsync(string actor, string action, string threadId, string versionId, string details,
        CancellationToken cancellationToken) =>
        audit.AppendActionAsync(actor, action, $"{threadId}/{versionId}", details, timeProvider.GetUtcNow(), cancellationToken);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Four digits: short enough to type on any phone; a reply is matched among its sender's requests only.</summary>
    private static string NewCode() => RandomNumberGenerator.GetInt32(1000, 10000).ToString(CultureInfo.InvariantCulture);

    /// <summary>128 random bits, URL-safe: the only secret a link carries.</summary>
    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// SHA-256 of the address with a mainland phone's country code dropped, so "+8613…" from an SMSC matches "13…".
    /// </summary>
    public static string AddressHash(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        if (trimmed.StartsWith('+'))
        {
            trimmed = trimmed[1..];
        }
        if (trimmed.Length == 13 && trimmed.StartsWith("86", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(trimmed)));
    }
}
