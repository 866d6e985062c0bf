using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Warning.Channels.Mqtt;
using Warning.Engine.Audience;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Mqtt;

public sealed class MqttChannelRegistrationTests
{
    [Fact]
    public async Task AddLedAndBroadcastChannel_Configured_OneGatewayTwoAdaptersBothClearing()
    {
        await using var services = Build(new() { ["Warning:Mqtt:District"] = "440106", ["Warning:Channels:Broadcast:Repeats:Blue"] = "4" });

        var registry = new ChannelAdapterRegistry(services.GetServices<IChannelAdapter>());
        Assert.Equal(["broadcast", "led"], registry.Names.Order());
        Assert.Equal(["broadcast", "led"], services.GetServices<IDeviceClearingChannel>().Select(c => c.Name).Order());
        Assert.Same(registry.Get("led"), services.GetServices<IDeviceClearingChannel>().Single(c => c.Name == "led"));
        Assert.Equal(4, services.GetRequiredService<IOptions<Warning.Channels.Broadcast.BroadcastChannelOptions>>().Value.Repeats[Engine.Alerts.WarningLevel.Blue]);
        Assert.Equal("440106", services.GetRequiredService<MqttGatewayClient>().Options.District);
    }

    [Fact]
    public void AddLedChannel_BadSettings_FailsValidation()
    {
        using var services = Build(new() { ["Warning:Mqtt:Port"] = "0", ["Warning:Channels:Led:DefaultLines"] = "0" });
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MqttGatewayOptions>>().Value);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Warning.Channels.Led.LedChannelOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddSingleton(new DirectoryStore())
            .AddSingleton<IProviderReceiptSink>(new RecordingReceiptSink());
        services.AddLedChannel().AddBroadcastChannel();
        return services.BuildServiceProvider();
    }
}
