namespace Warning.Channels.Led;

/// <summary>Where the LED adapter learns a sign's lines × characters (the directory; a fixed table in tests).</summary>
public interface ILedGeometrySource
{
    /// <summary>The sign's geometry, or false when the sign is unknown or has none recorded.</summary>
    bool TryGetGeometry(string deviceId, out LedGeometry geometry);
}
