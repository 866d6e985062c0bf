using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// The responsible officials (责任人) of a directory snapshot by area: who must answer a version (every official
/// whose area lies in one of its admin-code areas, the area itself included) and who supervises an area (the
/// official of the nearest parent area that has one). Areas given only as polygons or circles select nobody here.
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

    /// <summary>Officials of the version's areas, by area code, each once.</summary>
    public IReadOnlyList<Person> ResponsibleFor(WarningMessage version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var prefixes = version.Infos.SelectMany(i => i.Areas).SelectMany(a => a.AdminCodes)
            .Where(AdminCodes.IsWellFormed).Select(AdminCodes.TargetPrefix).Distinct(StringComparer.Ordinal).ToList();
        return [.. _byArea.Values
            .Where(p => prefixes.Any(prefix => p.AreaCode.StartsWith(prefix, StringComparison.Ordinal)))
            .OrderBy(p => p.AreaCode, StringComparer.Ordinal)];
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
