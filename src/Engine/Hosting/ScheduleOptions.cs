namespace Warning.Engine.Hosting;

/// <summary>
/// Where the Quartz.NET schedules live and how Red warnings repeat (the "Warning:Schedule" section). <c>memory</c>
/// (embedded default): one node's RAM. <c>postgres</c> or <c>sqlserver</c>: Quartz's clustered ADO store, shared by
/// every node, so each trigger fires on exactly one of them (its tables are created at start when missing).
/// </summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Warning:Schedule";

    public string Store { get; set; } = "memory";

    /// <summary>The database of the clustered store. Default: Warning:Store:ConnectionString.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How often a node records in the store that it is alive; a silent node's triggers are recovered. Default: 7.5 s.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// The longest a node's scheduler sleeps when nothing is due. A trigger another node adds is seen within this,
    /// so it bounds how late a schedule made elsewhere may fire. At least 1 s (Quartz's floor). Default: 5 s.
    /// </summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an active Red warning is broadcast again; zero turns the repeat off. Default: 30 minutes.</summary>
    public TimeSpan RepeatBroadcastInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The channels a repeat goes to (public displays and loudspeakers, not people's phones), comma-separated.</summary>
    public string RepeatChannels { get; set; } = "broadcast,led";
}
