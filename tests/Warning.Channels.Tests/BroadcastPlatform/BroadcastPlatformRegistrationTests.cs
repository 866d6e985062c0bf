using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.BroadcastPlatform;

public sealed class BroadcastPlatformRegistrationTests(BroadcastPlatformPeerFixture peer) : IClassFixture<BroadcastPlatformPeerFixture>
{
    [Fact]
    public void AddBroadcastPlatformChannel_Configured_RegistersAdapterNamedBroadcastPlatform()
    {
        peer.RequireTools();
        using var services = Build(new Dictionary<string, string?>
        {
            ["Warning:Channels:BroadcastPlatform:PlatformUrl"] = "http://127.0.0.1:1/ebd",
            ["Warning:Channels:BroadcastPlatform:SourceEbrId"] = BroadcastPlatformPeerFixture.SourceEbrId,
            ["Warning:Channels:BroadcastPlatform:DestinationEbrId"] = BroadcastPlatformPeerFixture.PlatformEbrId,
            ["Warning:Channels:BroadcastPlatform:SenderName"] = "海珠区应急管理局",
            ["Warning:Channels:BroadcastPlatform:SenderCode"] = "44010641600000",
            ["Warning:Channels:BroadcastPlatform:PrivateKeyPem"] = peer.SenderPrivateKeyPem,
            ["Warning:Channels:BroadcastPlatform:CertificateSerial"] = "01",
        });
        var registry = new ChannelAdapterRegistry(services.GetServices<IChannelAdapter>());
        var adapter = registry.Get("broadcast-platform");
        Assert.True(adapter.Capabilities.SupportsAreaTargeting);
        Assert.Equal(10, adapter.Capabilities.MaxBatchSize);
    }

    [Fact]
    public void AddBroadcastPlatformChannel_UrlAndIdsMissing_FailsValidation()
    {
        using var services = Build(new Dictionary<string, string?> { ["Warning:Channels:BroadcastPlatform:SourceEbrId"] = "not digits" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Warning.Channels.BroadcastPlatform.BroadcastPlatformChannelOptions>>().Value);
        Assert.Contains("PlatformUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("SourceEbrId", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddBroadcastPlatformChannel();
        return services.BuildServiceProvider();
    }
}
