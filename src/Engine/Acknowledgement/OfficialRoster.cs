using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// The responsible officials (责任人) of a directory snapshot by area: who must answer a version (every official
/// whose area lies in one of its admin-code areas, the area itself included) and who supervises an area (the
/// official of the nearest parent area that has one). A polygon or circle selects the officials whose location lies
/// inside it, as it selects the public; an official without a location is reached through admin codes only.
/// </summary>
public sealed class OfficialRoster
{
    private readonly Dictionary<string, Person> _byArea = new(StringComparer.Ordinal);

    public OfficialRoster(RecipientDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory = directory;
        for (var i = 0; i < directory.IndexCount; i++)
        {
            if (directory[i] is Person { Roles: var roles } person && roles.HasFlag(PersonRoles.ResponsibleOfficial))
            {
                _byArea.TryAdd(person.AreaCode, person);
            }
        }
    }

    public RecipientDirectory Directory { get; }

    /// <summary>Officials of the version's areas (admin codes, polygons, circles), by area code, each once.</summary>
    public IReadOnlyList<Person> ResponsibleFor(WarningMessage version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var areas = version.Infos.SelectMany(i => i.Areas).ToList();
        var prefixes = areas.SelectMany(a => a.AdminCodes)
            .Where(AdminCodes.IsWellFormed).Select(AdminCodes.TargetPrefix).Distinct(StringComparer.Ordinal).ToList();
        var shapes = Shapes(areas);
        return [.. _byArea.Values
            .Where(p => prefixes.Any(prefix => p.AreaCode.StartsWith(prefix, StringComparison.Ordinal))
                || p.Location is { IsValid: true } at && shapes.Any(s => s.Contains((double)at.Latitude, (double)at.Longitude)))
            .OrderBy(p => p.AreaCode, StringComparer.Ordinal)];
    }

    /// <summary>The valid polygons and circles of the areas (an invalid one never passed publication's checks).</summary>
    private static List<IShape> Shapes(IEnumerable<TargetArea> areas)
    {
        var shapes = new List<IShape>();
        foreach (var area in areas)
        {
            shapes.AddRange(area.Polygons.Where(p => GeometryRules.Check(p) is null).Select(PreparedRing.From));
            shapes.AddRange(area.Circles.Where(c => GeometryRules.Check(c) is null).Select(c => new PreparedCircle(c)));
        }
        return shapes;
    }

    public Person? Find(string personId) =>
        Directory.TryGetIndex(personId, out var index) ? Directory[index] as Person : null;

    public Person? DeputyOf(Person official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return official.DeputyId is { } id ? Find(id) : null;
    }

    /// <summary>The official of the nearest enclosing area, or null above the top.</summary>
    public Person? SupervisorOf(string areaCode)
    {
        for (var code = AdminCodes.ParentOf(areaCode); code is not null; code = AdminCodes.ParentOf(code))
        {
            if (_byArea.TryGetValue(code, out var supervisor))
            {
                return supervisor;
            }
        }
        return null;
    }

    public string AreaName(string code) => Directory.TryGetArea(code, out var area) ? area.Name : code;
}
