namespace Warning.Engine.Alerts;

/// <summary>A CAP <c>resource</c>: an attachment described by type and link or inline data.</summary>
public sealed record WarningResource
{
    public required string ResourceDesc { get; init; }

    public string? MimeType { get; init; }

    public long? Size { get; init; }

    public string? Uri { get; init; }

    public string? DerefUri { get; init; }

    /// <summary>SHA-1 digest of the resource, hex.</summary>
    public string? Digest { get; init; }
}
