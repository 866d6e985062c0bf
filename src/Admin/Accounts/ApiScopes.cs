using Warning.Engine.Issuing;

namespace Warning.Admin.Accounts;

/// <summary>
/// What a caller may touch through the API. A signed-in user gets the scopes of their roles; an API key carries
/// its own scopes and acts with the roles they imply, so the issuing service's own checks still apply to it.
/// </summary>
internal static class ApiScopes
{
    public const string WarningsRead = "warnings:read";
    public const string WarningsWrite = "warnings:write";
    public const string WarningsApprove = "warnings:approve";
    public const string WarningsPublish = "warnings:publish";
    public const string AuditRead = "audit:read";
    public const string DirectoryWrite = "directory:write";

    /// <summary>Monitoring systems posting readings (issue 8); implies no issuing role: rules act as themselves.</summary>
    public const string ReadingsWrite = "readings:write";

    public static readonly IReadOnlyList<string> All =
        [WarningsRead, WarningsWrite, WarningsApprove, WarningsPublish, AuditRead, DirectoryWrite, ReadingsWrite];

    public static IEnumerable<string> ForRoles(IssuerRoles roles)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        if (roles.HasFlag(IssuerRoles.Drafter))
        {
            scopes.UnionWith([WarningsRead, WarningsWrite, WarningsPublish]);
        }
        if (roles.HasFlag(IssuerRoles.Approver))
        {
            scopes.UnionWith([WarningsRead, WarningsApprove, WarningsPublish]);
        }
        if (roles.HasFlag(IssuerRoles.Auditor))
        {
            scopes.UnionWith([WarningsRead, AuditRead]);
        }
        if (roles.HasFlag(IssuerRoles.Administrator))
        {
            scopes.UnionWith([WarningsRead, AuditRead, DirectoryWrite]);
        }
        return scopes.Order(StringComparer.Ordinal);
    }

    /// <summary>The roles a key's scopes stand for (publishing needs the drafter or approver role in the service).</summary>
    public static IssuerRoles RolesFor(IEnumerable<string> scopes)
    {
        var roles = IssuerRoles.None;
        foreach (var scope in scopes)
        {
            roles |= scope switch
            {
                WarningsWrite => IssuerRoles.Drafter,
                WarningsApprove => IssuerRoles.Approver,
                AuditRead => IssuerRoles.Auditor,
                DirectoryWrite => IssuerRoles.Administrator,
                _ => IssuerRoles.None,
            };
        }
        return roles;
    }

    public static IReadOnlyList<string> Parse(string? list) =>
        [.. (list ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => All.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];
}
