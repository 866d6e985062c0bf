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
    public static IWarningEngineBuilder AddSmsChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "Sms", ChannelNames.Sms, "smpp") == "smpp")
        {
            builder.Services.AddSmppChannel().NamesKeys<SmppChannelOptions>(SmppChannelOptions.SectionName);
            builder.Services.AddHostedService<SmppBindStarter>();
        }
        return builder;
    }

    /// <summary>"led": <c>mqtt</c> (signs behind the MQTT gateway of <c>Warning:Mqtt</c>).</summary>
    public static IWarningEngineBuilder AddLedChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "Led", ChannelNames.Led, "mqtt") == "mqtt")
        {
            builder.Services.AddLedChannel().NamesKeys<MqttGatewayOptions>(MqttGatewayOptions.SectionName).NamesKeys<LedChannelOptions>(LedChannelOptions.SectionName);
        }
        return builder;
    }

    /// <summary>"broadcast": <c>mqtt</c> (loudspeaker terminals behind the MQTT gateway of <c>Warning:Mqtt</c>).</summary>
    public static IWarningEngineBuilder AddBroadcastChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "Broadcast", ChannelNames.Broadcast, "mqtt") == "mqtt")
        {
            builder.Services.AddBroadcastChannel().NamesKeys<MqttGatewayOptions>(MqttGatewayOptions.SectionName).NamesKeys<BroadcastChannelOptions>(BroadcastChannelOptions.SectionName);
        }
        return builder;
    }

    /// <summary>"broadcast-platform": <c>ebd</c> (GY/T 385 EBD packages to an emergency-broadcast platform over HTTP).</summary>
    public static IWarningEngineBuilder AddBroadcastPlatformChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "BroadcastPlatform", ChannelNames.BroadcastPlatform, "ebd") == "ebd")
        {
            builder.Services.AddBroadcastPlatformChannel().NamesKeys<BroadcastPlatformChannelOptions>(BroadcastPlatformChannelOptions.SectionName);
        }
        return builder;
    }

    /// <summary>"wechat": <c>mp</c> (Official Account template messages).</summary>
    public static IWarningEngineBuilder AddWeChatChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "WeChat", ChannelNames.WeChat, "mp") == "mp")
        {
            builder.Services.AddWeChatChannel().NamesKeys<WeChatChannelOptions>(WeChatChannelOptions.SectionName);
            builder.SharesTokensWhenClustered();
        }
        return builder;
    }

    /// <summary>"wecom": <c>app</c> (WeCom application messages to userids).</summary>
    public static IWarningEngineBuilder AddWeComChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "WeCom", ChannelNames.WeCom, "app") == "app")
        {
            builder.Services.AddWeComChannel().NamesKeys<WeComChannelOptions>(WeComChannelOptions.SectionName);
            builder.SharesTokensWhenClustered();
        }
        return builder;
    }

    /// <summary>"wecom-robot": <c>robot</c> (WeCom group robots by name, <c>Robots</c>).</summary>
    public static IWarningEngineBuilder AddWeComRobotChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "WeComRobot", ChannelNames.WeComRobot, "robot") == "robot")
        {
            builder.Services.AddWeComRobotChannel().NamesKeys<WeComRobotChannelOptions>(WeComRobotChannelOptions.SectionName);
        }
        return builder;
    }

    /// <summary>"email": <c>smtp</c> (MailKit to an SMTP relay).</summary>
    public static IWarningEngineBuilder AddEmailChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "Email", ChannelNames.Email, "smtp") == "smtp")
        {
            builder.Services.AddEmailChannel().NamesKeys<EmailChannelOptions>(EmailChannelOptions.SectionName);
        }
        return builder;
    }

    /// <summary>"webhook": <c>http</c> (signed JSON POSTs to the subscribers by name, <c>Subscribers</c>).</summary>
    public static IWarningEngineBuilder AddWebhookChannel(this IWarningEngineBuilder builder)
    {
        if (ChannelAdapterChoice.Choose(builder, "Webhook", ChannelNames.Webhook, "http") == "http")
        {
            builder.Services.AddWebhookChannel().NamesKeys<WebhookChannelOptions>(WebhookChannelOptions.SectionName);
        }
        return builder;
    }

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
