using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Channels.Email;
using Warning.Engine.Channels;

namespace Warning.Channels;

public static class EmailChannelBuilderExtensions
{
    /// <summary>Registers the e-mail channel ("email") from the Channels:Email section.</summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services)
    {
        services.AddOptions<EmailChannelOptions>().BindConfiguration(EmailChannelOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailChannelOptions>, EmailChannelOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, EmailChannelAdapter>());
        return services;
    }
}
