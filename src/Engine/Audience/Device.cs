using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>A public warning device. Devices belong to the public group unless told otherwise.</summary>
public sealed record Device : IDirectoryEntry
{
    public required string Id { get; init; }

    public required DeviceKind Kind { get; init; }

    public required string AreaCode { get; init; }

    public GeoPoint? Location { get; init; }

    public ValueList<string> Groups { get; init; } = GroupCatalogue.PublicOnly;

    /// <summary>LED text lines (0 for a broadcast terminal).</summary>
    public int LedLines { get; init; }

    /// <summary>LED characters per line (0 for a broadcast terminal).</summary>
    public int LedCharsPerLine { get; init; }

    /// <summary>How many characters an LED sign shows at once; 0 when it is not a sign.</summary>
    public int TextCapacity => LedLines * LedCharsPerLine;
}
