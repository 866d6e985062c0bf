namespace Warning.Engine.Persistence;

/// <summary>An administrative area; <see cref="Geometry"/> is WKT or GeoJSON text, as <see cref="GeometryFormat"/> says.</summary>
public sealed record AreaRecord(
    string Code, string? ParentCode, string Name, int Level, string? GeometryFormat = null, string? Geometry = null);
