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
}
