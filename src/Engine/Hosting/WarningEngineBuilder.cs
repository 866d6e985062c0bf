using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Warning.Engine.Hosting;

internal sealed class WarningEngineBuilder(IServiceCollection services, IConfiguration configuration) : IWarningEngineBuilder
{
    private readonly Dictionary<string, string> _claims = new(StringComparer.OrdinalIgnoreCase);

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public IConfigurationSection ChannelSection(string key) => Configuration.GetSection($"{WarningEngineKeys.Channels}:{key}");

    public void ClaimChannel(string channel, string configurationKey)
    {
        if (_claims.TryGetValue(channel, out var first))
        {
            throw new InvalidOperationException(
                $"Channel '{channel}' is registered twice ({first} and {configurationKey}): register each channel once.");
        }
        _claims[channel] = configurationKey;
    }
}
