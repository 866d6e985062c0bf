using System.Globalization;
using System.Security.Claims;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Admin.Accounts;

/// <summary>The claims a signed-in user or an API key carries, and the <see cref="Issuer"/> the service acts for.</summary>
internal static class ConsoleClaims
{
    public const string Department = "warning:department";
    public const string Roles = "warning:roles";
    public const string Scope = "scope";
    public const string ApiKey = "warning:api-key";

    public static ClaimsPrincipal ForAccount(AccountRecord account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        var roles = (IssuerRoles)account.Roles;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserId),
            new(ClaimTypes.Name, account.DisplayName),
            new(Department, account.DepartmentId),
            new(Roles, account.Roles.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(ApiScopes.ForRoles(roles).Select(s => new Claim(Scope, s)));
        claims.AddRange(Enum.GetValues<IssuerRoles>().Where(r => r != IssuerRoles.None && roles.HasFlag(r))
            .Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static ClaimsPrincipal ForApiKey(ApiKeyRecord key, string scheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        var scopes = ApiScopes.Parse(key.Scopes);
        var roles = ApiScopes.RolesFor(scopes);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "key:" + key.KeyId),
            new(ClaimTypes.Name, key.Name),
            new(Department, key.DepartmentId),
            new(Roles, ((int)roles).ToString(CultureInfo.InvariantCulture)),
            new(ApiKey, key.KeyId),
        };
        claims.AddRange(scopes.Select(s => new Claim(Scope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Issuer ToIssuer(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = int.TryParse(user.FindFirstValue(Roles), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return new Issuer(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", user.Identity?.Name ?? "",
            user.FindFirstValue(Department) ?? "", (IssuerRoles)roles);
    }

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.HasClaim(Scope, scope);
}
