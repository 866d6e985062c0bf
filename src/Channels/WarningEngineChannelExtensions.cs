using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Warning.Channels.Broadcast;
using Warning.Channels.BroadcastPlatform;
using Warning.Channels.Email;
using Warning.Channels.Led;
using Warning.Channels.Mqtt;
using Warning.Channels.Smpp;
using Warning.Channels.Webhook;
using Warning.Channels.WeChat;
using Warning.Engine.Hosting;

namespace Warning.Channels;

/// <summary>
/// The channels of the product, registered on the engine builder. Each reads <c>Warning:Channels:{Key}:Adapter</c>
/// (<c>sandbox</c> by default, <c>none</c>, or the real kind named on each method), takes its options from the rest
/// of that section and validates them when the host starts (README "Channels").
/// </summary>
public static class WarningEngineChannelExtensions
{
    /// <summary>"sms": <c>smpp</c> (SMPP 3.4 to an SMSC; <c>Warning:Channels:Sms</c> is <see cref="SmppChannelOptions"/>).</summary>
    public static IWarningEngineBuilder AddSmsChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "Sms", ChannelNames.Sms, "smpp", services =>
        {
            services.AddSmppChannel().NamesKeys<SmppChannelOptions>(SmppChannelOptions.SectionName);
            services.AddHostedService<SmppBindStarter>();
        });

    /// <summary>"led": <c>mqtt</c> (signs behind the MQTT gateway of <c>Warning:Mqtt</c>).</summary>
    public static IWarningEngineBuilder AddLedChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "Led", ChannelNames.Led, "mqtt", services => services
            .AddLedChannel()
            .NamesKeys<MqttGatewayOptions>(MqttGatewayOptions.SectionName)
            .NamesKeys<LedChannelOptions>(LedChannelOptions.SectionName));

    /// <summary>"broadcast": <c>mqtt</c> (loudspeaker terminals behind the MQTT gateway of <c>Warning:Mqtt</c>).</summary>
    public static IWarningEngineBuilder AddBroadcastChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "Broadcast", ChannelNames.Broadcast, "mqtt", services => services
            .AddBroadcastChannel()
            .NamesKeys<MqttGatewayOptions>(MqttGatewayOptions.SectionName)
            .NamesKeys<BroadcastChannelOptions>(BroadcastChannelOptions.SectionName));

    /// <summary>"broadcast-platform": <c>ebd</c> (GY/T 385 EBD packages to an emergency-broadcast platform over HTTP).</summary>
    public static IWarningEngineBuilder AddBroadcastPlatformChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "BroadcastPlatform", ChannelNames.BroadcastPlatform, "ebd", services => services
            .AddBroadcastPlatformChannel()
            .NamesKeys<BroadcastPlatformChannelOptions>(BroadcastPlatformChannelOptions.SectionName));

    /// <summary>"wechat": <c>mp</c> (Official Account template messages).</summary>
    public static IWarningEngineBuilder AddWeChatChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "WeChat", ChannelNames.WeChat, "mp", services =>
        {
            services.AddWeChatChannel().NamesKeys<WeChatChannelOptions>(WeChatChannelOptions.SectionName);
            builder.SharesTokensWhenClustered();
        });

    /// <summary>"wecom": <c>app</c> (WeCom application messages to userids).</summary>
    public static IWarningEngineBuilder AddWeComChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "WeCom", ChannelNames.WeCom, "app", services =>
        {
            services.AddWeComChannel().NamesKeys<WeComChannelOptions>(WeComChannelOptions.SectionName);
            builder.SharesTokensWhenClustered();
        });

    /// <summary>"wecom-robot": <c>robot</c> (WeCom group robots by name, <c>Robots</c>).</summary>
    public static IWarningEngineBuilder AddWeComRobotChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "WeComRobot", ChannelNames.WeComRobot, "robot", services => services
            .AddWeComRobotChannel()
            .NamesKeys<WeComRobotChannelOptions>(WeComRobotChannelOptions.SectionName));

    /// <summary>"email": <c>smtp</c> (MailKit to an SMTP relay).</summary>
    public static IWarningEngineBuilder AddEmailChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "Email", ChannelNames.Email, "smtp", services => services
            .AddEmailChannel()
            .NamesKeys<EmailChannelOptions>(EmailChannelOptions.SectionName));

    /// <summary>"webhook": <c>http</c> (signed JSON POSTs to the subscribers by name, <c>Subscribers</c>).</summary>
    public static IWarningEngineBuilder AddWebhookChannel(this IWarningEngineBuilder builder) =>
        ChannelAdapterChoice.Register(builder, "Webhook", ChannelNames.Webhook, "http", services => services
            .AddWebhookChannel()
            .NamesKeys<WebhookChannelOptions>(WebhookChannelOptions.SectionName));

    /// <summary>Every channel above, each as its configuration says: what the product host registers.</summary>
    public static IWarningEngineBuilder AddAllChannels(this IWarningEngineBuilder builder) => builder
        .AddSmsChannel().AddLedChannel().AddBroadcastChannel().AddBroadcastPlatformChannel()
        .AddWeChatChannel().AddWeComChannel().AddWeComRobotChannel().AddEmailChannel().AddWebhookChannel();

    /// <summary>Every failure of the options' own validators names the section (the MQTT gateway is shared: named once).</summary>
    private static IServiceCollection NamesKeys<T>(this IServiceCollection services, string section)
        where T : class => services.NameSectionInFailures<T>(section);

    /// <summary>With Redis, WeChat and WeCom tokens are shared by the cluster: one refresh, not one per node.</summary>
    private static void SharesTokensWhenClustered(this IWarningEngineBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[WarningEngineKeys.Redis]))
        {
            builder.Services.AddRedisAccessTokenCache();
        }
    }

    /// <summary>Binds to the SMSC when the host starts, so receipts and replies flow before the first warning.</summary>
    private sealed class SmppBindStarter(SmppChannelAdapter smpp) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            smpp.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
