using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Support;
using Warning.Engine.Persistence;

namespace Warning.Admin.Tests.Web;

public sealed partial class AccountsPageTests(WarningAppFactory factory) : IClassFixture<WarningAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUser_Administrator_ShowsAPasswordOnceThatSignsIn()
    {
        var admin = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        using var response = await admin.PostFormAsync("/accounts", "/accounts?handler=CreateUser",
            new() { ["userId"] = "zhang.wei", ["displayName"] = "张伟", ["departmentId"] = "qinglan-met" }, Ct,
            [new("roles", "Drafter"), new("roles", "Auditor")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = Secret(await response.Content.ReadAsStringAsync(Ct));

        var created = await ConsoleSession.SignInAsync(factory, "zhang.wei", password, Ct);
        Assert.Contains("新建预警", await created.GetPageAsync("/", Ct), StringComparison.Ordinal);
        Assert.Contains(await Actions(), a => a.Action == "account.create" && a.Target == "zhang.wei" && a.Actor == "admin");
        var account = await factory.Services.GetRequiredService<IAccountStore>().GetAccountAsync("zhang.wei", Ct);
        Assert.DoesNotContain(password, account!.PasswordHash, StringComparison.Ordinal); // only a hash is kept
    }

    [Theory]
    [InlineData("Zhang Wei", "张伟", "qinglan-met", "用户名")]
    [InlineData("li.na", "李娜", "no-such-department", "发布单位")]
    [InlineData("drafter", "重名", "qinglan-ema", "已存在")]
    public async Task CreateUser_BadInput_IsRefusedWithTheReason(string userId, string name, string department, string reason)
    {
        var admin = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        using var response = await admin.PostFormAsync("/accounts", "/accounts?handler=CreateUser",
            new() { ["userId"] = userId, ["displayName"] = name, ["departmentId"] = department }, Ct, [new("roles", "Drafter")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"secret\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_LockedUser_UnlocksWithTheNewPassword()
    {
        var admin = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        using var created = await admin.PostFormAsync("/accounts", "/accounts?handler=CreateUser",
            new() { ["userId"] = "wang.fang", ["displayName"] = "王芳", ["departmentId"] = "qinglan-ema" }, Ct, [new("roles", "Approver")]);
        var first = Secret(await created.Content.ReadAsStringAsync(Ct));
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await ConsoleSession.Anonymous(factory).PostFormAsync("/account/login", "/account/login",
                new() { ["UserName"] = "wang.fang", ["Password"] = "wrong-" + i }, Ct);
        }
        using var locked = await ConsoleSession.Anonymous(factory).PostFormAsync("/account/login", "/account/login",
            new() { ["UserName"] = "wang.fang", ["Password"] = first }, Ct);
        Assert.NotEqual(HttpStatusCode.Redirect, locked.StatusCode);

        using var reset = await admin.PostFormAsync("/accounts", "/accounts?handler=ResetPassword", new() { ["userId"] = "wang.fang" }, Ct);
        var second = Secret(await reset.Content.ReadAsStringAsync(Ct));

        Assert.NotEqual(first, second);
        await ConsoleSession.SignInAsync(factory, "wang.fang", second, Ct);
        Assert.Contains(await Actions(), a => a.Action == "account.reset-password" && a.Target == "wang.fang");
    }

    [Fact]
    public async Task CreateKeyThenRevoke_KeyWorksUntilRevoked()
    {
        var admin = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        using var created = await admin.PostFormAsync("/accounts", "/accounts?handler=CreateKey",
            new() { ["name"] = "雨量站接入", ["departmentId"] = "qinglan-met" }, Ct, [new("scopes", "warnings:read")]);
        var key = Secret(await created.Content.ReadAsStringAsync(Ct));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using (var before = await client.GetAsync("/api/warnings", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var keyId = key.Split('_')[1];
        using var revoked = await admin.PostFormAsync("/accounts", "/accounts?handler=RevokeKey", new() { ["keyId"] = keyId }, Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        using var after = await client.GetAsync("/api/warnings", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var actions = await Actions();
        Assert.Contains(actions, a => a.Action == "apikey.create" && a.Target == keyId);
        Assert.Contains(actions, a => a.Action == "apikey.revoke" && a.Target == keyId);
    }

    [Fact]
    public async Task CreateKey_WithReadingsScope_ShowsItsSigningSecret()
    {
        var admin = await ConsoleSession.SignInAsync(factory, "admin", Ct);
        using var created = await admin.PostFormAsync("/accounts", "/accounts?handler=CreateKey",
            new() { ["name"] = "水位站", ["departmentId"] = "qinglan-met" }, Ct, [new("scopes", "readings:write")]);
        var page = await created.Content.ReadAsStringAsync(Ct);
        var keyId = Secret(page).Split('_')[1];
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Warning.Admin.Readings.ReadingsOptions>>().Value;
        Assert.Contains($"<code id=\"signing-secret\">{Warning.Admin.Readings.ReadingSignature.SecretFor(options.SigningKey, keyId)}</code>",
            page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drafter")]
    [InlineData("auditor")]
    public async Task AccountsPage_NotAnAdministrator_IsDenied(string user)
    {
        var session = await ConsoleSession.SignInAsync(factory, user, Ct);
        using var response = await session.Client.GetAsync("/accounts", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AccountsPage_ApiKeyWithDirectoryScope_IsDenied()
    {
        using var client = await ApiClients.WithKeyAsync(factory, "qinglan-ema", "directory:write");
        using var response = await client.GetAsync("/accounts", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<IReadOnlyList<ActionLogEntry>> Actions() =>
        await factory.Services.GetRequiredService<IAuditStore>().GetActionLogAsync(0, Ct);

    private static string Secret(string page)
    {
        var match = SecretPattern().Match(page);
        Assert.True(match.Success, "the page shows no new secret");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<code id=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();
}
