using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// An administrative area of the directory. Its place in the hierarchy comes from its code alone
/// (see <see cref="AdminCodes"/>); its boundary is optional.
/// </summary>
public sealed record Area(string Code, string Name, GeoPolygon? Boundary = null)
{
    public AreaLevel Level => (AreaLevel)Code.Length;

    /// <summary>The code of the area one level up, or null for a 6-digit code.</summary>
    public string? ParentCode => AdminCodes.ParentOf(Code);
}
