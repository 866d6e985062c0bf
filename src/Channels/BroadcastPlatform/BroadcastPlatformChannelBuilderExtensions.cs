using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Channels.BroadcastPlatform;
using Warning.Engine.Channels;

namespace Warning.Channels;

public static class BroadcastPlatformChannelBuilderExtensions
{
    /// <summary>
    /// Registers the "broadcast-platform" channel, configured from <c>Warning:Channels:BroadcastPlatform</c> and validated at
    /// start. The adapter alone; the product host registers it through the engine builder (WarningEngineChannelExtensions), which also reads the adapter choice.
    /// </summary>
    public static IServiceCollection AddBroadcastPlatformChannel(this IServiceCollection services)
    {
        services.AddOptions<BroadcastPlatformChannelOptions>()
            .BindConfiguration(BroadcastPlatformChannelOptions.SectionName)
            .PostConfigure(o =>
            {
                // A key file (mounted secret, or the peers profile's generated key) stands in for the PEM text.
                if (string.IsNullOrWhiteSpace(o.PrivateKeyPem) && FindUp(o.PrivateKeyFile) is { } file)
                {
                    o.PrivateKeyPem = File.ReadAllText(file);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BroadcastPlatformChannelOptions>, BroadcastPlatformChannelOptionsValidator>());
        // Answers are one small EBD; a platform sending megabytes back is broken, not chatty.
        services.AddHttpClient(BroadcastPlatformClient.HttpClientName, http => http.MaxResponseContentBufferSize = 1024 * 1024);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BroadcastPlatformClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelAdapter, BroadcastPlatformChannelAdapter>());
        return services;
    }

    /// <summary>
    /// The file as given, or for a relative path the first match in the working directory or one of its parents:
    /// <c>dotnet run --project src/Admin</c> runs in the project folder, the peers' key sits at the repository root.
    /// </summary>
    private static string? FindUp(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path))
        {
            return path is not null && File.Exists(path) ? path : null;
        }
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
