namespace Warning.Engine.Issuing;

/// <summary>The issuing departments and their jurisdictions.</summary>
public interface IDepartmentDirectory
{
    Department? Find(string departmentId);

    IReadOnlyList<Department> All { get; }
}

/// <summary>Departments from configuration (config/*.json "Departments"), fixed for the life of the process.</summary>
public sealed class DepartmentDirectory(IEnumerable<Department> departments) : IDepartmentDirectory
{
    private readonly Dictionary<string, Department> _byId = departments.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public IReadOnlyList<Department> All => [.. _byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal)];

    public Department? Find(string departmentId) => _byId.GetValueOrDefault(departmentId);
}
