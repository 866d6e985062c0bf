namespace Warning.Engine.Audience;

/// <summary>Roles a person holds in the warning chain.</summary>
[Flags]
public enum PersonRoles
{
    None = 0,

    /// <summary>责任人: must confirm (叫应) warnings at the levels policy sets; has a deputy.</summary>
    ResponsibleOfficial = 1,

    /// <summary>Stands in for a responsible official who does not confirm.</summary>
    Deputy = 2,

    /// <summary>网格员.</summary>
    GridWorker = 4,
}
