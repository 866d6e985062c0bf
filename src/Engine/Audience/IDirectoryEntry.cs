using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>What people and devices share: both are recipients in the one directory index space.</summary>
public interface IDirectoryEntry
{
    /// <summary>Stable external id, unique across people and devices.</summary>
    string Id { get; }

    /// <summary>The home area (any level).</summary>
    string AreaCode { get; }

    GeoPoint? Location { get; }

    /// <summary>Group names from the directory's <see cref="GroupCatalogue"/>.</summary>
    ValueList<string> Groups { get; }
}
