namespace Warning.Admin.Readings;

/// <summary>"Warning:Readings": how monitoring systems sign what they post to <c>/api/readings</c>.</summary>
public sealed class ReadingsOptions
{
    public const string SectionName = "Warning:Readings";

    /// <summary>
    /// The server's master secret; each API key's signing secret is derived from it and the key id
    /// (<see cref="ReadingSignature.SecretFor"/>), so no signing secret is stored. Empty: the endpoint refuses (503).
    /// Comes from a configuration provider in production; config/*.json holds a placeholder.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How far the signed timestamp may be from the server's clock, either way. Default: 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest body accepted. Default: 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Most readings in one batch. Default: 1,000.</summary>
    public int MaxBatch { get; set; } = 1000;

    internal static IEnumerable<(string, string)> Rules(ReadingsOptions o)
    {
        if (o.ClockSkew <= TimeSpan.Zero) yield return (nameof(ClockSkew), "must be a positive time span");
        if (o.MaxBodyBytes is < 1024 or > 64 << 20) yield return (nameof(MaxBodyBytes), $"must be between 1 KiB and 64 MiB, not {o.MaxBodyBytes}");
        if (o.MaxBatch is < 1 or > 100_000) yield return (nameof(MaxBatch), $"must be between 1 and 100,000, not {o.MaxBatch}");
    }
}
