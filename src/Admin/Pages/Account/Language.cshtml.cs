using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Web;

namespace Warning.Admin.Pages.Account;

/// <summary>Switches between Chinese (default) and English with a cookie, then goes back where the user was.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? lang, string? returnUrl)
    {
        Response.Cookies.Append(Ui.CookieName, lang == "en" ? "en" : "zh", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
