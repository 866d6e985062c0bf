using Warning.Engine.Audience;

namespace Warning.Channels.Led;

/// <summary>Sign geometry from the current directory snapshot (<see cref="Device.LedLines"/> × <see cref="Device.LedCharsPerLine"/>).</summary>
public sealed class DirectoryLedGeometrySource(DirectoryStore directory) : ILedGeometrySource
{
    public bool TryGetGeometry(string deviceId, out LedGeometry geometry)
    {
        var snapshot = directory.Current;
        geometry = snapshot.TryGetIndex(deviceId, out var index) && snapshot[index] is Device device
            ? new LedGeometry(device.LedLines, device.LedCharsPerLine)
            : default;
        return geometry.IsUsable;
    }
}
