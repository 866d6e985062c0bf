using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Warning.Engine.Hosting;

/// <summary>
/// What <see cref="WarningEngineServiceCollectionExtensions.AddWarningEngine"/> returns: the engine is registered,
/// and channels register on this builder (<c>builder.AddSmsChannel().AddLedChannel()…</c>, in Warning.Channels),
/// each choosing its adapter from <c>Warning:Channels:{Channel}:Adapter</c>.
/// </summary>
public interface IWarningEngineBuilder
{
    IServiceCollection Services { get; }

    /// <summary>The host's configuration (the profile from config/ with environment and command line on top).</summary>
    IConfiguration Configuration { get; }

    /// <summary><c>Warning:Channels:{key}</c>, the section a channel's adapter choice and options live in.</summary>
    IConfigurationSection ChannelSection(string key);

    /// <summary>
    /// Claims a channel name for one adapter, so that two registrations of the same channel (a real adapter and a
    /// sandbox, or the same channel twice) stop the set-up with a clear message instead of racing at send time.
    /// </summary>
    void ClaimChannel(string channel, string configurationKey);
}
