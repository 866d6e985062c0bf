using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Warning.Channels.WeChat;
using Warning.Engine.Channels;

namespace Warning.Channels;

/// <summary>
/// Registers the WeChat family: the Official Account channel ("wechat"), WeCom application messages ("wecom") and
/// WeCom group robots ("wecom-robot"). Tokens are cached in-process unless <see cref="AddRedisAccessTokenCache"/>
/// shares them across the cluster.
/// </summary>
public static class WeChatChannelBuilderExtensions
{
    public static IServiceCollection AddWeChatChannel(this IServiceCollection services)
    {
        AddOptions<WeChatChannelOptions, WeChatChannelOptionsValidator>(services, WeChatChannelOptions.SectionName);
        AddShared(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, WeChatChannelAdapter>());
        return services;
    }

    public static IServiceCollection AddWeComChannel(this IServiceCollection services)
    {
        AddOptions<WeComChannelOptions, WeComChannelOptionsValidator>(services, WeComChannelOptions.SectionName);
        AddShared(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, WeComChannelAdapter>());
        return services;
    }

    public static IServiceCollection AddWeComRobotChannel(this IServiceCollection services)
    {
        AddOptions<WeComRobotChannelOptions, WeComRobotChannelOptionsValidator>(services, WeComRobotChannelOptions.SectionName);
        AddShared(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, WeComRobotChannelAdapter>());
        return services;
    }

    /// <summary>Shares access tokens through the registered <see cref="IConnectionMultiplexer"/>: one refresh for the cluster.</summary>
    public static IServiceCollection AddRedisAccessTokenCache(this IServiceCollection services)
    {
        services.AddOptions<RedisAccessTokenCacheOptions>().BindConfiguration(RedisAccessTokenCacheOptions.SectionName);
        services.RemoveAll<IAccessTokenCache>();
        services.AddSingleton<IAccessTokenCache>(sp => new RedisAccessTokenCache(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<IOptions<RedisAccessTokenCacheOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessTokenCache, InProcessAccessTokenCache>();
        services.AddHttpClient(nameof(WeChatApiClient), http => http.Timeout = TimeSpan.FromSeconds(10));
    }

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
