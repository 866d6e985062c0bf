namespace Warning.Engine.Dispatch;

/// <summary>
/// Urgent work (Orange and Red) goes first at every queue and bucket; Routine (Yellow and Blue) takes what is left.
/// </summary>
public enum DispatchPriority
{
    Routine = 0,
    Urgent = 1,
}
