namespace Warning.Engine.Acknowledgement;

/// <summary>
/// One rung of the 叫应 escalation ladder, climbed when nobody answered within the deadline
/// (warning-standards.md §2.5: the official must be reached and must answer).
/// </summary>
public enum EscalationStep
{
    /// <summary>The first contact: the responsible official on the first channel (SMS with a reply code).</summary>
    Initial = 0,

    /// <summary>The same official again, on the second channel (WeChat with a link).</summary>
    SecondChannel = 1,

    /// <summary>The official's deputy, on every channel the deputy has.</summary>
    Deputy = 2,

    /// <summary>The responsible official of the parent area, on every channel.</summary>
    Supervisor = 3,
}
