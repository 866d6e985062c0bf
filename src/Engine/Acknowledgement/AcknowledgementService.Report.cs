namespace Warning.Engine.Acknowledgement;

public sealed partial class AcknowledgementService
{
    /// <summary>The report of one version: every request with who answered (本人, 副责任人 or 上级责任人), how and when.</summary>
    public async Task<AcknowledgementReport> GetReportAsync(string versionId, CancellationToken cancellationToken)
    {
        var requests = await store.ListAcknowledgementRequestsAsync(versionId, cancellationToken).ConfigureAwait(false);
        var contacts = (await store.ListAcknowledgementContactsAsync(versionId, cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.RequestId, StringComparer.Ordinal);
        var roster = Roster();
        var rows = requests.Select(r => new AcknowledgementReportRow(r, roster.AreaName(r.AreaCode), NameOf(roster, r.PersonId),
            r.AnsweredBy is { } by ? NameOf(roster, by) : null,
            r.AnsweredBy is { } who ? RoleOf(roster, r, who) : null,
            [.. contacts[r.RequestId].Select(c => new AcknowledgementReportContact(NameOf(roster, c.PersonId), c.Channel, c.Step, c.At, c.Status))]))
            .ToList();
        return new AcknowledgementReport(versionId, requests.Any(r => r.Drill), rows);
    }

    private static string NameOf(OfficialRoster roster, string personId) => roster.Find(personId)?.Name ?? personId;

    private static string RoleOf(OfficialRoster roster, AcknowledgementRequest request, string personId)
    {
        if (personId == request.PersonId)
        {
            return "责任人本人";
        }
        var official = roster.Find(request.PersonId);
        return official is not null && roster.DeputyOf(official)?.Id == personId ? "副责任人" : "上级责任人";
    }
}
