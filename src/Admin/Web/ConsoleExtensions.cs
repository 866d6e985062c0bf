using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Warning.Admin.Accounts;
using Warning.Admin.Api;
using Warning.Admin.Readings;
using Warning.Engine.Hosting;

namespace Warning.Admin.Web;

/// <summary>The console and its API: accounts, authentication, pages, REST endpoints and the public pages.</summary>
internal static class ConsoleExtensions
{
    public const string SmartScheme = "Warning";

    public static WebApplicationBuilder AddWarningConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>() ?? new ConsoleOptions();
        services.AddValidatedOptions<ConsoleOptions>(builder.Configuration, ConsoleOptions.SectionName, ConsoleOptions.Rules);
        services.AddSingleton(sp => (Engine.Persistence.IAccountStore)sp.GetRequiredService<Engine.Persistence.AuditStore>());
        services.AddSingleton<AccountService>();
        services.AddHostedService<DemoAccounts>();
        // Razor escapes every character outside Basic Latin by default; Chinese pages stay readable with all of
        // Unicode allowed, while <, >, &, quotes stay escaped (the XSS tests check it).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<Ui>();
        services.AddSingleton<WarningViews>();
        services.AddSingleton<WarningActions>();
        services.AddSingleton<RequestBody>();
        services.AddSingleton<Idempotency>();

        var secure = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "warning.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = secure;
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
                // The API answers 401/403; only pages redirect to the sign-in form.
                o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var scope in ApiScopes.All)
            {
                o.AddPolicy(scope, p => p.RequireAuthenticatedUser().RequireClaim(ConsoleClaims.Scope, scope));
            }
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "warning.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.HeaderName = "X-CSRF-Token";
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Language");
            o.Conventions.AllowAnonymousToPage("/Public");
        });
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapWarningConsole(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapWarningApi();
        app.MapAuditApi();
        app.MapPublicEndpoints();
        app.MapReadingsApi();
        return app;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
