using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// A recipient that is neither a person nor an MQTT device: a system or a group reached on one channel under an
/// address its adapter understands. A webhook subscriber and a WeCom group robot are addressed by the name their
/// adapter's options configure (the URL, secret or robot key are credentials and stay there); a region of the
/// emergency-broadcast platform is addressed by the GB/T 2260 code(s) the platform should sound.
/// </summary>
public sealed record Endpoint : IDirectoryEntry
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="AudienceChannels.EndpointChannels"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>
    /// What the adapter receives as the recipient address: a subscriber or robot name, or for the broadcast
    /// platform area codes inside <see cref="AreaCode"/> (comma-separated when one entry sounds several).
    /// </summary>
    public required string Address { get; init; }

    /// <summary>A name for people (值班室, 融媒体中心); the address is what the adapter needs.</summary>
    public string? Name { get; init; }

    /// <summary>The area the endpoint serves; a warning for this area or a wider one reaches it.</summary>
    public required string AreaCode { get; init; }

    /// <summary>Usually none: an endpoint serves an area, not a point, and is matched by area code.</summary>
    public GeoPoint? Location { get; init; }

    public ValueList<string> Groups { get; init; } = GroupCatalogue.PublicOnly;

    /// <summary>
    /// True when a warning for any part of <see cref="AreaCode"/> reaches it too: a district duty room's robot
    /// hears of a street's warning. False (the default) when only a warning for the whole area does, as for a
    /// broadcast-platform region, which would otherwise sound a whole street for one village.
    /// </summary>
    public bool ReceivesSubareaWarnings { get; init; }
}
