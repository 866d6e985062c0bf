using Warning.Engine.Alerts;
using Warning.Engine.Issuing;

namespace Warning.Engine.Hosting;

/// <summary>The "Warning" section of a profile in config/: which store, which Redis, which directory, which departments.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Warning";

    public StoreOptions Store { get; set; } = new();

    /// <summary>StackExchange.Redis configuration ("127.0.0.1:6379"); empty: in-process dedup and limits (one node only).</summary>
    public string? Redis { get; set; }

    public DirectoryOptions Directory { get; set; } = new();

    /// <summary>
    /// Without Redis, where the claim ledger lives: <c>memory</c> (default, fastest, forgotten on restart) or
    /// <c>sqlite</c> (<see cref="LedgerConnectionString"/>), so that a restarted process knows who was served.
    /// </summary>
    public string Ledger { get; set; } = "memory";

    public string LedgerConnectionString { get; set; } = "Data Source=data/ledger.db";

    /// <summary>Recipients per shard, the durable unit of work (design.md: 10–50 k). Default: 50,000.</summary>
    public int ShardSize { get; set; } = 50_000;

    /// <summary>Time each sandbox call takes (to watch progress, or to stretch a test). Default: zero.</summary>
    public TimeSpan SandboxLatency { get; set; }

    /// <summary>Recipients per sandbox call. Default: 1000.</summary>
    public int SandboxBatchSize { get; set; } = 1000;

    /// <summary>A folder where sandbox adapters log every recipient they send to, one file per process; empty: off.</summary>
    public string? SandboxSendLog { get; set; }

    public List<DepartmentOptions> Departments { get; set; } = [];
}

public sealed class StoreOptions
{
    /// <summary>sqlite (default), postgres or sqlserver.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Default: a SQLite file data/warning.db under the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/warning.db";
}

public sealed class DirectoryOptions
{
    /// <summary>Generate the synthetic demo district (青岚区) at start. Default: true.</summary>
    public bool Demo { get; set; } = true;

    public int DemoPeople { get; set; } = 300_000;

    public int DemoSeed { get; set; } = 2026;
}

/// <summary>One issuing department; lists are comma-separated (see ChannelPolicyOptions for why).</summary>
public sealed class DepartmentOptions
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>14-digit GB/T 35965.1 sender code.</summary>
    public string SenderCode { get; set; } = "";

    public string? Sender { get; set; }

    /// <summary>GB/T 2260 code prefixes of the jurisdiction.</summary>
    public string AreaCodes { get; set; } = "";

    /// <summary>GB/T 35561 codes or prefixes; "*" for all.</summary>
    public string EventTypes { get; set; } = "*";

    public WarningLevel MaxLevel { get; set; } = WarningLevel.Red;

    public string Channels { get; set; } = "*";

    public Department ToDepartment() => new(Id, Name, SenderCode, Sender ?? Name, new Jurisdiction
    {
        AreaCodes = [.. Split(AreaCodes)],
        EventTypes = [.. Split(EventTypes)],
        MaxLevel = MaxLevel,
        Channels = [.. Split(Channels)],
    });

    public static IEnumerable<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
