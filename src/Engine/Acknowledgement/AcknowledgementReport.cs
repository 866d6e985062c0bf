namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Who has and has not answered one version, how and how fast: the console's live page and, for an Exercise
/// version, the drill report.
/// </summary>
public sealed record AcknowledgementReport(string VersionId, bool Drill, IReadOnlyList<AcknowledgementReportRow> Rows)
{
    public int Total => Rows.Count;

    public int Answered => Rows.Count(r => r.Request.State == AcknowledgementState.Answered);

    public int Waiting => Rows.Count(r => r.Request.State == AcknowledgementState.Pending);

    public int Unanswered => Rows.Count(r => r.Request.State == AcknowledgementState.Unanswered);

    /// <summary>Answers that needed the deputy or the supervisor.</summary>
    public int Escalated => Rows.Count(r => r.Request.Step >= EscalationStep.Deputy);

    /// <summary>The median time to answer, over the answered requests; null when none was.</summary>
    public TimeSpan? MedianTimeToAnswer => Median([.. Rows.Select(r => r.TimeToAnswer).OfType<TimeSpan>()]);

    public TimeSpan? SlowestAnswer => Rows.Select(r => r.TimeToAnswer).Max();

    private static TimeSpan? Median(List<TimeSpan> times)
    {
        if (times.Count == 0)
        {
            return null;
        }
        times.Sort();
        var middle = times.Count / 2;
        return times.Count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
    }
}

/// <summary>One request with the names the page shows and the messages sent for it, oldest first.</summary>
public sealed record AcknowledgementReportRow(
    AcknowledgementRequest Request,
    string AreaName,
    string OfficialName,
    string? AnsweredByName,
    string? AnsweredByRole,
    IReadOnlyList<AcknowledgementReportContact> Contacts)
{
    public TimeSpan? TimeToAnswer => Request.AnsweredAt - Request.CreatedAt;
}

/// <summary>One message of a request as the page shows it.</summary>
public sealed record AcknowledgementReportContact(string PersonName, string Channel, EscalationStep Step, DateTimeOffset At, string Status);
