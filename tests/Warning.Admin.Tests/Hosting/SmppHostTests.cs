using System.Net.Http.Json;
using Warning.Admin.Accounts;
using Warning.Admin.Tests.Support;
using Warning.Admin.Tests.Web;
using Warning.Channels.Tests.Support;

namespace Warning.Admin.Tests.Hosting;

/// <summary>
/// Issue 6: the host started with <c>Warning:Channels:Sms:Adapter = smpp</c> against the real SMSC peer (node-smpp's
/// server with tests/peers/smsc/smsc.js) sends a published warning's SMS over SMPP, not to the sandbox.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(SmppHostTests))]
public sealed class SmppHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_SmsChannelConfiguredAsSmpp_SmscReceivesEachRecipientsMessageOnce()
    {
        await using var smsc = await SmscPeer.StartAsync();
        await using var factory = new SmppAppFactory(smsc.Port);
        using var drafter = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsWrite, ApiScopes.WarningsRead,
            ApiScopes.WarningsPublish);
        using var approver = await ApiClients.WithKeyAsync(factory, "qinglan-ema", ApiScopes.WarningsApprove);
        await smsc.WaitForAsync("bind", e => (bool)e["ok"]!); // the host binds at start, before any warning

        using var created = await drafter.PostAsJsonAsync("/api/warnings", ApiClients.Draft("Yellow", areas: ["440199005"]), Ct);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        (await drafter.PostAsync($"/api/warnings/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await approver.PostAsJsonAsync($"/api/warnings/{id}/approve", new { comment = "同意" }, Ct)).EnsureSuccessStatusCode();
        (await drafter.PostAsync($"/api/warnings/{id}/publish", null, Ct)).EnsureSuccessStatusCode();
        var progress = await ProgressTests.WaitForCompletionAsync(drafter, id, id);

        Assert.Equal("Completed", progress.GetProperty("state").GetString());
        var sms = progress.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms");
        var sent = sms.GetProperty("sent").GetInt64();
        Assert.True(sent > 0, progress.ToString());
        var messages = smsc.Events("message");
        Assert.Equal(sent, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => (string)m["dest"]!).Distinct().Count());
        Assert.All(messages, m => Assert.Contains("100毫米以上降雨", (string)m["text"]!, StringComparison.Ordinal));
    }

    private sealed class SmppAppFactory(int port) : WarningAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Warning:Channels:Sms:Adapter"] = "smpp",
            ["Warning:Channels:Sms:Host"] = "127.0.0.1",
            ["Warning:Channels:Sms:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Warning:Channels:Sms:SystemId"] = SmscPeer.SystemId,
            ["Warning:Channels:Sms:Password"] = SmscPeer.Password,
            ["Warning:Channels:Sms:SourceAddress"] = "10690001",
        };
    }
}

/// <summary>
/// Runs alone: it binds to its own SMSC peer and counts every message that peer receives. (Its host was once found
/// disposed while stopping: the program's run loop and the test host both stop it, which EngineLifetime now allows.)
/// </summary>
[CollectionDefinition(nameof(SmppHostTests), DisableParallelization = true)]
public sealed class SmppHostCollection;
