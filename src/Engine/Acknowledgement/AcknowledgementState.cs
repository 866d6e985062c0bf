namespace Warning.Engine.Acknowledgement;

/// <summary>Where a request stands. Only <see cref="Pending"/> moves, and only once, to one of the others.</summary>
public enum AcknowledgementState
{
    /// <summary>Waiting for an answer; its deadline is scheduled.</summary>
    Pending = 0,

    /// <summary>Someone contacted for it answered.</summary>
    Answered = 1,

    /// <summary>Every escalation step ran out without an answer.</summary>
    Unanswered = 2,

    /// <summary>A newer version of the thread (or its Cancel) replaced the version it was for.</summary>
    Closed = 3,
}
