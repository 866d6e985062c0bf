using System.Text.RegularExpressions;
using Warning.Engine.Audience;
using Warning.Engine.Dispatch;
using Warning.Engine.Durable;
using static Warning.Engine.Hosting.ValidatedOptions;

namespace Warning.Engine.Hosting;

/// <summary>The start-up rules of the engine's options beyond their attributes; keys are relative to each section.</summary>
internal static partial class EngineOptionsRules
{
    public static IEnumerable<(string, string)> Engine(EngineOptions o)
    {
        foreach (var p in OneOf("Store:Provider", o.Store.Provider, "sqlite", "postgres", "postgresql", "sqlserver")) yield return p;
        if (string.IsNullOrWhiteSpace(o.Store.ConnectionString)) yield return ("Store:ConnectionString", "is required");
        foreach (var p in OneOf("Ledger", o.Ledger, "memory", "sqlite")) yield return p;
        if (o.ShardSize is < 1 or > 1_000_000) yield return ("ShardSize", $"must be between 1 and 1,000,000, not {o.ShardSize}");
        if (o.SandboxBatchSize < 1) yield return ("SandboxBatchSize", $"must be at least 1, not {o.SandboxBatchSize}");
        if (o.SandboxLatency < TimeSpan.Zero) yield return ("SandboxLatency", "must not be negative");
        if (o.Directory.DemoPeople is < 0 or > 10_000_000) yield return ("Directory:DemoPeople", $"must be between 0 and 10,000,000, not {o.Directory.DemoPeople}");
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < o.Departments.Count; i++)
        {
            var d = o.Departments[i];
            var key = $"Departments:{i}";
            if (string.IsNullOrWhiteSpace(d.Id)) yield return ($"{key}:Id", "is required");
            else if (!ids.Add(d.Id)) yield return ($"{key}:Id", $"'{d.Id}' is used by two departments");
            if (string.IsNullOrWhiteSpace(d.Name)) yield return ($"{key}:Name", "is required");
            if (!SenderCode().IsMatch(d.SenderCode)) yield return ($"{key}:SenderCode", $"'{d.SenderCode}' is not a 14-digit GB/T 35965.1 sender code");
            if (!DepartmentOptions.Split(d.AreaCodes).Any()) yield return ($"{key}:AreaCodes", "names no area code");
            foreach (var code in DepartmentOptions.Split(d.AreaCodes).Where(c => !AreaCode().IsMatch(c)))
            {
                yield return ($"{key}:AreaCodes", $"'{code}' is not a GB/T 2260 code or prefix (digits)");
            }
        }
    }

    public static IEnumerable<(string, string)> Dispatch(DispatchOptions o)
    {
        foreach (var p in Positive(nameof(o.RetryBaseDelay), o.RetryBaseDelay)) yield return p;
        foreach (var p in Positive(nameof(o.AttemptTimeout), o.AttemptTimeout)) yield return p;
        foreach (var p in Positive(nameof(o.StoreOutageWindow), o.StoreOutageWindow)) yield return p;
        foreach (var p in Positive(nameof(o.MaxCircuitWait), o.MaxCircuitWait)) yield return p;
        foreach (var (from, to) in o.Fallbacks.Where(f => string.Equals(f.Key, f.Value, StringComparison.OrdinalIgnoreCase)))
        {
            yield return ($"Fallbacks:{from}", $"a channel cannot fall back to itself ('{to}')");
        }
    }

    public static IEnumerable<(string, string)> Jobs(JobOptions o)
    {
        foreach (var p in OneOf(nameof(o.Runner), o.Runner, "in-process", "hangfire")) yield return p;
        foreach (var p in OneOf(nameof(o.Storage), o.Storage, "memory", "sqlite", "postgres")) yield return p;
        if (string.Equals(o.Storage, "postgres", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            yield return (nameof(o.ConnectionString), "is required for postgres job storage");
        }
        if (o.UrgentWorkers is < 1 or > 256) yield return (nameof(o.UrgentWorkers), $"must be between 1 and 256, not {o.UrgentWorkers}");
        if (o.RoutineWorkers is < 1 or > 256) yield return (nameof(o.RoutineWorkers), $"must be between 1 and 256, not {o.RoutineWorkers}");
        foreach (var p in Positive(nameof(o.PollInterval), o.PollInterval)) yield return p;
        foreach (var p in Positive(nameof(o.InvisibilityTimeout), o.InvisibilityTimeout)) yield return p;
    }

    public static IEnumerable<(string, string)> Leases(ShardExecutorOptions o)
    {
        foreach (var p in Positive(nameof(o.LeaseTimeToLive), o.LeaseTimeToLive)) yield return p;
        foreach (var p in Positive(nameof(o.LeaseRenewInterval), o.LeaseRenewInterval)) yield return p;
        foreach (var p in Positive(nameof(o.LeasePollInterval), o.LeasePollInterval)) yield return p;
        if (o.LeaseRenewInterval >= o.LeaseTimeToLive)
        {
            yield return (nameof(o.LeaseRenewInterval), $"must be shorter than LeaseTimeToLive ({o.LeaseTimeToLive}), or leases lapse while a shard runs");
        }
    }

    public static IEnumerable<(string, string)> Schedule(ScheduleOptions o)
    {
        foreach (var p in OneOf(nameof(o.Store), o.Store, "memory", "postgres", "postgresql", "sqlserver")) yield return p;
        foreach (var p in Positive(nameof(o.CheckinInterval), o.CheckinInterval)) yield return p;
        if (o.IdleWaitTime < TimeSpan.FromSeconds(1)) yield return (nameof(o.IdleWaitTime), "must be at least 1 s (Quartz's floor)");
        if (o.RepeatBroadcastInterval < TimeSpan.Zero) yield return (nameof(o.RepeatBroadcastInterval), "must not be negative (zero turns repeats off)");
    }

    public static IEnumerable<(string, string)> ChannelPolicy(ChannelPolicyOptions o)
    {
        foreach (var (level, list) in new[] { ("Blue", o.Blue), ("Yellow", o.Yellow), ("Orange", o.Orange), ("Red", o.Red) })
        {
            if (!DepartmentOptions.Split(list ?? "").Any()) yield return (level, "names no channel");
        }
        foreach (var (channel, length) in o.MaxTextLength.Where(m => m.Value < 1))
        {
            yield return ($"MaxTextLength:{channel}", $"must be at least 1, not {length}");
        }
    }

    [GeneratedRegex(@"^\d{14}$")]
    private static partial Regex SenderCode();

    [GeneratedRegex(@"^\d{2,12}$")]
    private static partial Regex AreaCode();
}
