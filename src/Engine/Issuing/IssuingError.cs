namespace Warning.Engine.Issuing;

/// <summary>Why the issuing service refused a request; the API maps each to its HTTP status.</summary>
public enum IssuingError
{
    /// <summary>No such warning thread or version (404).</summary>
    NotFound,

    /// <summary>The user's role does not allow the step (403).</summary>
    Forbidden,

    /// <summary>The warning reaches beyond the department's areas, event types, level or channels (403).</summary>
    OutsideJurisdiction,

    /// <summary>The content is not a valid warning (422).</summary>
    InvalidContent,

    /// <summary>A lifecycle rule forbids the step: publish before approval, approve one's own Red warning … (409).</summary>
    Lifecycle,

    /// <summary>The targeting matches nobody, or names areas that do not exist (422).</summary>
    NoAudience,

    /// <summary>Someone else changed the thread in the meantime; reload and try again (409).</summary>
    Conflict,
}
