using Microsoft.Extensions.DependencyInjection;
using Warning.Admin.Tests.Support;
using Warning.Engine.Channels;

namespace Warning.Admin.Tests.Hosting;

/// <summary>
/// Issue 13: the host a bureau runs stops at start when a setting is wrong or missing, with a message naming the key
/// to fix, for every channel's real adapter and for the engine's own options; and with nothing configured it offers
/// every channel (sandboxed).
/// </summary>
public sealed class StartupValidationTests
{
    public static TheoryData<string, string, string, string> WrongSettings => new()
    {
        // channel setting, its value, a second setting ("" for none), the key the error must name
        { "Warning:Channels:Sms:Adapter", "smpp", "", "Warning:Channels:Sms" },
        { "Warning:Channels:Sms:Adapter", "cmpp2", "", "Warning:Channels:Sms:Adapter" },
        { "Warning:Channels:Led:Adapter", "mqtt", "Warning:Mqtt:Port=0", "Warning:Mqtt" },
        { "Warning:Channels:Led:Adapter", "mqtt", "Warning:Channels:Led:DefaultLines=0", "Warning:Channels:Led" },
        { "Warning:Channels:Broadcast:Adapter", "mqtt", "Warning:Channels:Broadcast:MaxBatchSize=0", "Warning:Channels:Broadcast" },
        { "Warning:Channels:Broadcast:Adapter", "speaker", "", "Warning:Channels:Broadcast:Adapter" },
        { "Warning:Channels:BroadcastPlatform:Adapter", "ebd", "", "Warning:Channels:BroadcastPlatform" },
        { "Warning:Channels:WeChat:Adapter", "mp", "", "Warning:Channels:WeChat" },
        { "Warning:Channels:WeCom:Adapter", "app", "", "Warning:Channels:WeCom" },
        { "Warning:Channels:WeComRobot:Adapter", "robot", "", "Warning:Channels:WeComRobot" },
        { "Warning:Channels:Email:Adapter", "smtp", "", "Warning:Channels:Email" },
        { "Warning:Channels:Webhook:Adapter", "http", "Warning:Channels:Webhook:Subscribers:city:Url=not a url", "Warning:Channels:Webhook" },
        { "Warning:Dispatch:ClaimBatchSize", "0", "", "Warning:Dispatch:ClaimBatchSize" },
        { "Warning:Dispatch:AttemptTimeout", "00:00:00", "", "Warning:Dispatch:AttemptTimeout" },
        { "Warning:ShardSize", "0", "", "Warning:ShardSize" },
        { "Warning:Store:Provider", "oracle", "", "Warning:Store:Provider" },
        { "Warning:Jobs:UrgentWorkers", "0", "", "Warning:Jobs:UrgentWorkers" },
        { "Warning:Jobs:LeaseRenewInterval", "00:01:00", "", "Warning:Jobs:LeaseRenewInterval" },
        { "Warning:Schedule:IdleWaitTime", "00:00:00.1", "", "Warning:Schedule:IdleWaitTime" },
        { "Warning:ChannelPolicy:Red", " ", "", "Warning:ChannelPolicy:Red" },
        { "Warning:Departments:0:SenderCode", "4401", "", "Warning:Departments:0:SenderCode" },
        { "Warning:Console:SessionMinutes", "0", "", "Warning:Console:SessionMinutes" },
        { "Warning:Readings:MaxBatch", "0", "", "Warning:Readings:MaxBatch" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task Start_WrongOrMissingSetting_StopsWithErrorNamingTheKey(string key, string value, string second, string expectedKey)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (second.Length > 0)
        {
            var (k, v) = (second[..second.IndexOf('=', StringComparison.Ordinal)], second[(second.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            settings[k] = v;
        }
        await using var host = new ConfiguredHost(settings);

        var error = Record.Exception(() => host.Services);

        Assert.NotNull(error);
        Assert.Contains(expectedKey, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoChannelSettings_OffersEveryChannelSandboxed()
    {
        await using var host = new ConfiguredHost([]);

        var registry = host.Services.GetRequiredService<ChannelAdapterRegistry>();

        Assert.Equal(ChannelSettings.Keys.Keys.Order(StringComparer.Ordinal), registry.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Start_ChannelSetToNone_LeavesItOut()
    {
        await using var host = new ConfiguredHost(new() { ["Warning:Channels:WeChat:Adapter"] = "none" });

        var registry = host.Services.GetRequiredService<ChannelAdapterRegistry>();

        Assert.DoesNotContain("wechat", registry.Names);
        Assert.Contains("sms", registry.Names);
    }

    /// <summary>The message and every inner message: the host wraps start-up failures (AggregateException, …).</summary>
    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is null ? "" : " | " + Flatten(error.InnerException));

    private sealed class ConfiguredHost(Dictionary<string, string?> extra) : WarningAppFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?>(base.Settings) { ["Warning:Directory:DemoPeople"] = "200" };
                foreach (var (key, value) in extra)
                {
                    settings[key] = value;
                }
                return settings;
            }
        }
    }
}
