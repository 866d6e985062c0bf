using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Warning.Admin.Accounts;
using Warning.Admin.Readings;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Admin.Pages.Accounts;

/// <summary>
/// Users and API keys for administrators: create a user (its first password is shown once), reset a password
/// (which also lifts a lockout), create an API key (shown once; only its hash is kept) and revoke one. Every
/// change goes into the hash-chained action log. Cookie sign-in only: an API key cannot manage accounts.
/// </summary>
[Authorize(Policy = ApiScopes.DirectoryWrite)]
public sealed partial class IndexModel(AccountService accounts, IDepartmentDirectory departments, IAuditStore audit,
    TimeProvider timeProvider, IOptions<ReadingsOptions> readings) : PageModel
{
    public IReadOnlyList<AccountRecord> Users { get; private set; } = [];

    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];

    public IReadOnlyList<Department> Departments => departments.All;

    public static IReadOnlyList<IssuerRoles> AssignableRoles { get; } =
        [IssuerRoles.Drafter, IssuerRoles.Approver, IssuerRoles.Auditor, IssuerRoles.Administrator];

    public static IReadOnlyList<string> Scopes => ApiScopes.All;

    /// <summary>A secret to show once (a new password or API key), with what it belongs to.</summary>
    public (string For, string Secret)? Shown { get; private set; }

    /// <summary>For a new key with readings:write: the secret its monitoring system signs readings with.</summary>
    public string? SigningSecret { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>
    /// Administrators only, checked before any handler runs: the directory:write policy alone would also admit an
    /// API key, and a check after the handler would come after its change.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (User.HasClaim(c => c.Type == ConsoleClaims.ApiKey) || !User.ToIssuer().Roles.HasFlag(IssuerRoles.Administrator))
        {
            context.Result = Forbid();
            return;
        }
        await next();
    }

    public async Task<IActionResult> OnGetAsync() => await PageAsync();

    public async Task<IActionResult> OnPostCreateUserAsync(string? userId, string? displayName, string? departmentId, IssuerRoles[]? roles)
    {
        var id = (userId ?? "").Trim();
        var name = (displayName ?? "").Trim();
        var granted = (roles ?? []).Aggregate(IssuerRoles.None, (all, r) => all | r);
        Error = !UserIdPattern().IsMatch(id) ? "用户名须为 2–32 位小写字母、数字、点、连字符或下划线。"
            : name.Length is 0 or > 64 ? "请填写姓名（不超过 64 字）。"
            : departments.Find(departmentId ?? "") is null ? "请选择已登记的发布单位。"
            : granted == IssuerRoles.None ? "请至少选择一个角色。"
            : null;
        if (Error is null)
        {
            var password = AccountService.NewPassword();
            try
            {
                await accounts.CreateAccountAsync(id, name, departmentId!, granted, password, HttpContext.RequestAborted);
                await LogAsync("account.create", id, new { departmentId, roles = granted.ToString() });
                Shown = (id, password);
            }
            catch (InvalidOperationException e)
            {
                Error = e.Message; // the user id is taken
            }
        }
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string? userId)
    {
        var password = AccountService.NewPassword();
        try
        {
            await accounts.ResetPasswordAsync(userId ?? "", password, HttpContext.RequestAborted);
            await LogAsync("account.reset-password", userId!, null);
            Shown = (userId!, password);
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(string? name, string? departmentId, string[]? scopes)
    {
        var label = (name ?? "").Trim();
        var chosen = (scopes ?? []).Where(s => ApiScopes.All.Contains(s)).ToArray();
        Error = label.Length is 0 or > 64 ? "请填写密钥名称（不超过 64 字）。"
            : departments.Find(departmentId ?? "") is null ? "请选择已登记的发布单位。"
            : chosen.Length == 0 ? "请至少选择一个权限范围。"
            : null;
        if (Error is null)
        {
            var (record, key) = await accounts.CreateApiKeyAsync(label, departmentId!, chosen, User.ToIssuer().UserId, HttpContext.RequestAborted);
            await LogAsync("apikey.create", record.KeyId, new { name = label, departmentId, scopes = record.Scopes });
            Shown = (label, key);
            if (chosen.Contains(ApiScopes.ReadingsWrite) && readings.Value.SigningKey.Length > 0)
            {
                SigningSecret = ReadingSignature.SecretFor(readings.Value.SigningKey, record.KeyId);
            }
        }
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(string? keyId)
    {
        var keys = await accounts.Store.ListApiKeysAsync(HttpContext.RequestAborted);
        if (keys.FirstOrDefault(k => k.KeyId == keyId && k.RevokedAt is null) is null)
        {
            Error = "该密钥不存在或已吊销。";
            return await PageAsync();
        }
        await accounts.Store.RevokeApiKeyAsync(keyId!, timeProvider.GetUtcNow(), HttpContext.RequestAborted);
        await LogAsync("apikey.revoke", keyId!, null);
        return await PageAsync();
    }

    private async Task<IActionResult> PageAsync()
    {
        Users = await accounts.Store.ListAccountsAsync(HttpContext.RequestAborted);
        Keys = await accounts.Store.ListApiKeysAsync(HttpContext.RequestAborted);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    private Task<ActionLogEntry> LogAsync(string action, string target, object? details) =>
        audit.AppendActionAsync(User.ToIssuer().UserId, action, target, details is null ? null : JsonSerializer.Serialize(details),
            timeProvider.GetUtcNow(), HttpContext.RequestAborted);

    [GeneratedRegex("^[a-z0-9._-]{2,32}$")]
    private static partial Regex UserIdPattern();
}
