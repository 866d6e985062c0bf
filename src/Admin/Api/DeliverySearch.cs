using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;

namespace Warning.Admin.Api;

/// <summary>
/// The audit review's search: by warning (a thread id covers all its published versions; a version id just that
/// one), person or device, channel, status, area (and everything under it) and time. Used by the page, the JSON
/// API and the CSV export, so all three find the same rows.
/// </summary>
public sealed record DeliverySearch
{
    public string? Warning { get; init; }

    public string? Recipient { get; init; }

    public string? Channel { get; init; }

    public DeliveryState? State { get; init; }

    public string? Area { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public bool IsEmpty => Warning is null && Recipient is null;

    public AuditFilter Filter => new()
    {
        Channel = Blank(Channel),
        State = State,
        AreaCode = Blank(Area),
        From = From,
        To = To,
    };

    public static DeliverySearch FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new DeliverySearch
        {
            Warning = Blank(query["warning"]),
            Recipient = Blank(query["recipient"]),
            Channel = Blank(query["channel"]),
            State = Enum.TryParse<DeliveryState>(query["state"], ignoreCase: true, out var state) ? state : null,
            Area = Blank(query["area"]),
            From = Time(query["from"]),
            To = Time(query["to"]),
        };
    }

    /// <summary>The matching deliveries of the caller's department's warnings, streamed.</summary>
    public async IAsyncEnumerable<DeliveryView> RunAsync(IAuditStore audit, WarningService service, string departmentId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(service, departmentId, cancellationToken);
        if (Recipient is { } recipient)
        {
            foreach (var row in await audit.GetRecipientDeliveriesAsync(recipient, Filter, cancellationToken))
            {
                if (versions.Contains(row.VersionId))
                {
                    yield return row;
                }
            }
            yield break;
        }
        foreach (var version in versions.Order(StringComparer.Ordinal))
        {
            await foreach (var row in audit.StreamDeliveriesAsync(version, Filter, cancellationToken))
            {
                yield return row;
            }
        }
    }

    /// <summary>Published versions the search may read: the named warning's, else every one of the department.</summary>
    private async Task<HashSet<string>> VersionsAsync(WarningService service, string departmentId, CancellationToken cancellationToken)
    {
        var threads = new List<IssuedThread>();
        if (Warning is { } id)
        {
            var record = (await service.ListAsync(departmentId, 10_000, cancellationToken))
                .FirstOrDefault(r => r.ThreadId == id || r.Snapshot.Contains(id, StringComparison.Ordinal));
            if (record is not null)
            {
                threads.Add(await service.GetAsync(record.ThreadId, cancellationToken));
            }
        }
        else
        {
            foreach (var record in await service.ListAsync(departmentId, 10_000, cancellationToken))
            {
                threads.Add(await service.GetAsync(record.ThreadId, cancellationToken));
            }
        }
        var versions = threads.SelectMany(t => t.Thread.Versions).Where(v => v.State == VersionState.Published).Select(v => v.Id);
        if (Warning is { } named && threads.Count == 1 && threads[0].Thread.ThreadId != named)
        {
            versions = versions.Where(v => v == named);
        }
        return [.. versions];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? (value!.Contains('+', StringComparison.Ordinal) || value.EndsWith('Z') ? at : new DateTimeOffset(at.DateTime, TimeSpan.FromHours(8)))
            : null;
}
