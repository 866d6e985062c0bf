namespace Warning.Engine.Issuing;

/// <summary>Who is acting: a signed-in user or a machine client, always on behalf of one department.</summary>
public sealed record Issuer(string UserId, string DisplayName, string DepartmentId, IssuerRoles Roles)
{
    public bool Has(IssuerRoles role) => (Roles & role) == role;
}
