using System.ComponentModel.DataAnnotations;

namespace Warning.Channels.Sandbox;

/// <summary>A sandbox channel: records what it would send, with configurable latency, failures and capacity.</summary>
public sealed class SandboxChannelOptions
{
    public const string SectionName = "Warning:Sandbox";

    /// <summary>The channel it stands in for: "sms", "led", "broadcast", "wechat" … Default: "sms".</summary>
    [Required]
    public string Name { get; set; } = "sms";

    /// <summary>Recipients per call. Default: 1000.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Longest text accepted. Default: 500.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 500;

    /// <summary>Time one call takes. Default: zero.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Share of recipients answered TransientFailure (0 to 1). Default: 0.</summary>
    [Range(0.0, 1.0)]
    public double TransientFailureRate { get; set; }

    /// <summary>Share of recipients answered Rejected (0 to 1). Default: 0.</summary>
    [Range(0.0, 1.0)]
    public double RejectRate { get; set; }
}
