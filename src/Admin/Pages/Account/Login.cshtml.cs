using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Admin.Web;

namespace Warning.Admin.Pages.Account;

public sealed class LoginModel(AccountService accounts, Ui ui, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = ui.T("请输入用户名和密码。", "Enter your user name and password.");
            return Page();
        }
        var (outcome, account) = await accounts.CheckPasswordAsync(UserName, Password, HttpContext.RequestAborted);
        if (outcome != SignInOutcome.Success)
        {
            Log.SignInRefused(logger, UserName, outcome.ToString());
            Error = outcome switch
            {
                SignInOutcome.LockedOut => ui.T("多次密码错误，账号已暂时锁定，请稍后再试。", "Too many failed attempts: the account is locked for a while."),
                SignInOutcome.Disabled => ui.T("该账号已停用。", "This account is disabled."),
                _ => ui.T("用户名或密码错误。", "Wrong user name or password."),
            };
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ConsoleClaims.ForAccount(account!, CookieAuthenticationDefaults.AuthenticationScheme));
        Log.SignedIn(logger, account!.UserId);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
