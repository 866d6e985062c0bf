namespace Warning.Engine.Issuing;

/// <summary>What a user may do. A user may hold several roles; the two-person rule still applies per warning.</summary>
[Flags]
public enum IssuerRoles
{
    None = 0,

    /// <summary>制作: drafts, edits, submits, withdraws, publishes what was approved.</summary>
    Drafter = 1,

    /// <summary>审核签发: approves or rejects submitted versions.</summary>
    Approver = 2,

    /// <summary>审计: reads deliveries, reports and the action log; changes nothing.</summary>
    Auditor = 4,

    /// <summary>管理: users, departments, directory, configuration.</summary>
    Administrator = 8,
}
