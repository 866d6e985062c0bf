using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Warning.Admin.Tests.Support;

namespace Warning.Admin.Tests.Web;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, posts forms with their antiforgery token.</summary>
internal sealed partial class ConsoleSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<ConsoleSession> SignInAsync(WarningAppFactory factory, string user, CancellationToken cancellationToken) =>
        await SignInAsync(factory, user, await factory.DemoSecretAsync(user), cancellationToken);

    public static async Task<ConsoleSession> SignInAsync(WarningAppFactory factory, string user, string password,
        CancellationToken cancellationToken)
    {
        var session = Anonymous(factory);
        using var response = await session.PostFormAsync("/account/login", "/account/login",
            new() { ["UserName"] = user, ["Password"] = password }, cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public static ConsoleSession Anonymous(WarningAppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<string> GetPageAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(url, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields,
        CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var page = await GetPageAsync(formPage, cancellationToken);
        var token = TokenPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{formPage} has no antiforgery token");
        var all = fields.Concat(repeated ?? []).Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(all);
        return await Client.PostAsync(action, content, cancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
