namespace Warning.Engine.Dispatch;

/// <summary>
/// What one dedup ledger covers: one version of a warning thread on one channel. Recipients inside it are
/// dense, stable directory indexes (see design.md §2: a bitmap per version × channel).
/// </summary>
public readonly record struct LedgerScope(string ThreadId, string VersionId, string Channel);
