using Warning.Channels.Led;

namespace Warning.Channels.Tests.Led;

/// <summary>Sign geometry from a table (the directory-backed source has its own test).</summary>
internal sealed class FixedLedGeometrySource(IReadOnlyDictionary<string, LedGeometry>? geometries = null) : ILedGeometrySource
{
    public bool TryGetGeometry(string deviceId, out LedGeometry geometry)
    {
        geometry = default;
        return geometries?.TryGetValue(deviceId, out geometry) == true;
    }
}
