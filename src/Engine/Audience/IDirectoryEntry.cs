using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>What people, devices and endpoints share: all are recipients in the one directory index space.</summary>
public interface IDirectoryEntry
{
    /// <summary>Stable external id, unique across people, devices and endpoints.</summary>
    string Id { get; }

    /// <summary>The home area (any level).</summary>
    string AreaCode { get; }

    GeoPoint? Location { get; }

    /// <summary>Group names from the directory's <see cref="GroupCatalogue"/>.</summary>
    ValueList<string> Groups { get; }
}
