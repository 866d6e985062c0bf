using System.Text;
using Microsoft.Extensions.Options;
using Warning.Engine.Issuing;

namespace Warning.Admin.Accounts;

/// <summary>
/// At the first start (no account in the store) creates one user per role for the district bureau, a drafter of
/// the street office (a narrow jurisdiction, to see refusals), and a monitoring API key; prints the random
/// passwords once to the console and writes them to <see cref="ConsoleOptions.DemoUsersFile"/>.
/// Runs after the engine's migrations (hosted services start in registration order).
/// </summary>
internal sealed class DemoAccounts(AccountService accounts, IDepartmentDirectory departments, IOptions<ConsoleOptions> options,
    ILogger<DemoAccounts> logger) : IHostedService
{
    internal static readonly (string User, string Name, string Department, IssuerRoles Roles)[] Users =
    [
        ("drafter", "张制作", "qinglan-ema", IssuerRoles.Drafter),
        ("approver", "李签发", "qinglan-ema", IssuerRoles.Approver),
        ("auditor", "王审计", "qinglan-ema", IssuerRoles.Auditor),
        ("admin", "赵管理", "qinglan-ema", IssuerRoles.Administrator | IssuerRoles.Auditor),
        ("duty", "陈值班", "qinglan-ema", IssuerRoles.Drafter | IssuerRoles.Approver),
        ("street", "周街道", "yunling-street", IssuerRoles.Drafter | IssuerRoles.Approver),
    ];

    private const string Header = "# Demo users created at first start (user password department roles). Change or remove them before real use.\n";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoUsers || (await accounts.Store.ListAccountsAsync(cancellationToken)).Count > 0)
        {
            return;
        }
        var lines = new StringBuilder(Header);
        foreach (var (user, name, department, roles) in Users.Where(u => departments.Find(u.Department) is not null))
        {
            var password = AccountService.NewPassword();
            try
            {
                await accounts.CreateAccountAsync(user, name, department, roles, password, cancellationToken);
            }
            catch (InvalidOperationException) when (lines.Length == Header.Length)
            {
                return; // several nodes started on an empty store at once: the one that created the first user seeds the rest
            }
            lines.AppendLine($"{user} {password} {department} {roles.ToString().Replace(", ", "+", StringComparison.Ordinal)}");
        }
        var (_, key) = await accounts.CreateApiKeyAsync("demo-monitor", "qinglan-ema",
            [ApiScopes.WarningsRead, ApiScopes.WarningsWrite, ApiScopes.WarningsPublish, ApiScopes.AuditRead, ApiScopes.ReadingsWrite], "system",
            cancellationToken);
        lines.AppendLine($"apikey {key} qinglan-ema {ApiScopes.WarningsRead}+{ApiScopes.WarningsWrite}+{ApiScopes.WarningsPublish}+{ApiScopes.AuditRead}+{ApiScopes.ReadingsWrite}");
        var file = Path.GetFullPath(options.Value.DemoUsersFile);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, lines.ToString(), cancellationToken);
        // Printed once, on purpose: a newcomer's first start must show how to sign in (README "Quick start").
        await Console.Out.WriteLineAsync($"演示账号已创建 / demo users created (also in {file}):\n{lines}");
        Log.DemoUsersCreated(logger, file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
