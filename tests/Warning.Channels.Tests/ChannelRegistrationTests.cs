using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Warning.Channels.Email;
using Warning.Channels.WeChat;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests;

public sealed class ChannelRegistrationTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["Warning:Channels:WeChat:AppId"] = "wx-app",
        ["Warning:Channels:WeChat:AppSecret"] = "secret",
        ["Warning:Channels:WeChat:TemplateId"] = "TEMPLATE",
        ["Warning:Channels:WeChat:DetailBaseUrl"] = "https://warning.example.gov.cn",
        ["Warning:Channels:WeCom:CorpId"] = "ww",
        ["Warning:Channels:WeCom:CorpSecret"] = "secret",
        ["Warning:Channels:WeCom:AgentId"] = "1000002",
        ["Warning:Channels:WeCom:DetailBaseUrl"] = "https://warning.example.gov.cn",
        ["Warning:Channels:WeComRobot:DetailBaseUrl"] = "https://warning.example.gov.cn",
        ["Warning:Channels:WeComRobot:Robots:street-1"] = "KEY",
        ["Warning:Channels:Email:Host"] = "127.0.0.1",
        ["Warning:Channels:Email:FromAddress"] = "alerts@yjj.example.gov.cn",
        ["Warning:Channels:Webhook:Subscribers:city:Url"] = "https://city.example.gov.cn/hooks/warning",
        ["Warning:Channels:Webhook:Subscribers:city:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    };

    [Fact]
    public void AddChannels_CompleteConfiguration_RegistersFiveAdaptersWithDistinctNames()
    {
        using var services = Build(Complete);
        var registry = new ChannelAdapterRegistry(services.GetServices<IChannelAdapter>());
        Assert.Equal(["email", "webhook", "wechat", "wecom", "wecom-robot"], registry.Names.Order());
        Assert.IsType<InProcessAccessTokenCache>(services.GetRequiredService<IAccessTokenCache>());
    }

    [Theory]
    [InlineData("Warning:Channels:WeChat:AppSecret")]
    [InlineData("Warning:Channels:WeCom:DetailBaseUrl")]
    [InlineData("Warning:Channels:Email:FromAddress")]
    public void AddChannels_RequiredSettingMissing_FailsValidation(string missing)
    {
        using var services = Build(Complete.Where(p => p.Key != missing).ToDictionary());
        Assert.Throws<OptionsValidationException>(() => services.GetServices<IChannelAdapter>().ToList());
    }

    [Fact]
    public void AddWebhookChannel_SecretWithoutPrefix_FailsValidation()
    {
        var settings = new Dictionary<string, string?>(Complete) { ["Warning:Channels:Webhook:Subscribers:city:Secret"] = "plain" };
        using var services = Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetServices<IChannelAdapter>().ToList());
        Assert.Contains("whsec_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEmailChannel_Section_BindsPortAndSender()
    {
        using var services = Build(Complete);
        var options = services.GetRequiredService<IOptions<EmailChannelOptions>>().Value;
        Assert.Equal((587, "alerts@yjj.example.gov.cn"), (options.Port, options.FromAddress));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddWeChatChannel().AddWeComChannel().AddWeComRobotChannel().AddEmailChannel().AddWebhookChannel();
        return services.BuildServiceProvider();
    }
}
