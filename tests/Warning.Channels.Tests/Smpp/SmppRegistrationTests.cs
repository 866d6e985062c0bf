using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Warning.Channels.Smpp;
using Warning.Channels.Tests.Mqtt;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Smpp;

public sealed class SmppRegistrationTests
{
    [Fact]
    public async Task AddSmppChannel_Configured_RegistersOneAdapterNamedSms()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["Warning:Channels:Sms:Host"] = "127.0.0.1",
            ["Warning:Channels:Sms:SystemId"] = "esme",
            ["Warning:Channels:Sms:Password"] = "secret",
            ["Warning:Channels:Sms:SourceAddress"] = "10690001",
            ["Warning:Channels:Sms:WindowSize"] = "16",
        });

        var registry = new ChannelAdapterRegistry(services.GetServices<IChannelAdapter>());

        var adapter = Assert.IsType<SmppChannelAdapter>(registry.Get("sms"));
        Assert.Same(services.GetRequiredService<SmppChannelAdapter>(), adapter);
        Assert.Equal(16, services.GetRequiredService<IOptions<SmppChannelOptions>>().Value.WindowSize);
        Assert.True(adapter.Capabilities.SupportsDeliveryReceipts);
    }

    [Fact]
    public async Task AddSmppChannel_PasswordTooLongAndNoHost_FailsValidation()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Warning:Channels:Sms:Password"] = "much-too-long" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmppChannelOptions>>().Value);
        Assert.Contains("Warning:Channels:Sms", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddSingleton<IProviderReceiptSink>(new RecordingReceiptSink());
        services.AddSmppChannel();
        return services.BuildServiceProvider();
    }
}
