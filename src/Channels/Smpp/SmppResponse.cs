namespace Warning.Channels.Smpp;

/// <summary>What became of one request on a session.</summary>
internal enum SmppOutcome
{
    /// <summary>The SMSC answered (see <see cref="SmppResponse.Status"/>).</summary>
    Answered,

    /// <summary>Never written: the session was closed first. Nothing reached the SMSC.</summary>
    NotSent,

    /// <summary>Written (or maybe written), then no answer: timed out, or the connection dropped. The SMSC may have it.</summary>
    NoAnswer,
}

/// <summary>A request's outcome, the response's command_status and id (message_id of submit_sm_resp).</summary>
internal readonly record struct SmppResponse(SmppOutcome Outcome, uint Status, string? Id, string? Detail = null)
{
    public static SmppResponse NotSent(string detail) => new(SmppOutcome.NotSent, 0, null, detail);

    public static SmppResponse NoAnswer(string detail) => new(SmppOutcome.NoAnswer, 0, null, detail);

    public bool IsOk => Outcome == SmppOutcome.Answered && Status == Codec.SmppStatus.Ok;
}
