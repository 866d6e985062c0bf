namespace Warning.Engine.Hosting;

/// <summary>
/// How published versions are sent (the "Warning:Jobs" section). <c>in-process</c> (embedded default): shards run in
/// this process only. <c>hangfire</c>: one Hangfire job per shard in <see cref="Storage"/>, so any worker node can
/// finish what another started (design.md §2–§3).
/// </summary>
public sealed class JobOptions
{
    public const string SectionName = "Warning:Jobs";

    public string Runner { get; set; } = "in-process";

    /// <summary>memory (one node, lost on restart), sqlite (one node, survives a restart) or postgres (shared by every node).</summary>
    public string Storage { get; set; } = "memory";

    /// <summary>For postgres: the Hangfire database (its own schema "hangfire" is created at start). For sqlite: the file (default data/hangfire.db).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Workers for Red and Orange shards: a server of their own, so routine shards never hold them up. Default: 4.</summary>
    public int UrgentWorkers { get; set; } = 4;

    /// <summary>Workers for Yellow and Blue shards. Default: 4.</summary>
    public int RoutineWorkers { get; set; } = 4;

    /// <summary>How often idle workers look for new shards. Default: 200 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// After this long a fetched shard job whose node vanished is handed out again. A live run holds the shard's
    /// lease, so a job handed out twice waits instead of sending twice. Default: 30 s.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>What this node does: everything, only the console and API, or only jobs (README "Roles").</summary>
public enum NodeRole
{
    All,
    Admin,
    Worker,
}
