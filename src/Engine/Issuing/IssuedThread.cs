using Warning.Engine.Lifecycle;

namespace Warning.Engine.Issuing;

/// <summary>A thread as the service hands it out: the thread, its department, and the revision to name when changing it.</summary>
public sealed record IssuedThread(WarningThread Thread, string DepartmentId, long Revision);
