using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Warning.Peers.BroadcastPlatform;
using Warning.Peers.Devices;
using Warning.Peers.Recording;
using Warning.Peers.WeChat;

namespace Warning.Peers.Hosting;

/// <summary>
/// The whole stand-in process: one Kestrel for the page, the counts API and the HTTP stand-ins, and the MQTT device
/// simulator beside it. Tests build the same app on port 0 (<c>Peers:Url=http://127.0.0.1:0</c>).
/// </summary>
internal static class PeersApp
{
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = builder.Configuration.GetSection(PeersOptions.SectionName).Get<PeersOptions>() ?? new PeersOptions();
        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddOptions<PeersOptions>().BindConfiguration(PeersOptions.SectionName);
        // Chinese and topic filters stay readable in every JSON answer (the default encoder writes \uXXXX); loopback only.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReceivedLog>();
        builder.Services.AddSingleton<DeviceBoard>();
        builder.Services.AddSingleton<DeviceSimulator>();
        if (options.Devices.Enabled)
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DeviceSimulator>());
        }
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<WeChatStandIn>();
        builder.Services.AddSingleton<WeComStandIn>();
        builder.Services.AddSingleton<RobotStandIn>();
        builder.Services.AddSingleton<BroadcastPlatformStandIn>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDevicePage();
        app.MapCountsApi();
        app.MapAbout();
        app.MapWeChatStandIns();
        app.MapBroadcastPlatformStandIn();
        // Made now, not at the first package: the key pairs exist as soon as the process listens.
        var platform = app.Services.GetRequiredService<BroadcastPlatformStandIn>();
        app.Lifetime.ApplicationStarted.Register(() => Announce(app, platform));
        return app;
    }

    private static void Announce(WebApplication app, BroadcastPlatformStandIn platform)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PeersApp).FullName!);
        Log.Started(logger, string.Join(", ", app.Urls));
        if (platform.Keys is { } keys)
        {
            Log.PlatformKeys(logger, keys.SenderPrivateKeyPath, keys.PlatformPublicKeyPath);
        }
        else
        {
            Log.PlatformUnavailable(logger, platform.Unavailable ?? "unknown");
        }
    }
}
