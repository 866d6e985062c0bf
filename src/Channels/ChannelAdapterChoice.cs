using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Warning.Channels.Sandbox;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Hosting;

namespace Warning.Channels;

/// <summary>
/// Reads <c>Warning:Channels:{Key}:Adapter</c> for one channel: <c>sandbox</c> (the default: records what it would
/// send), <c>none</c> (the channel is not offered), or one of the channel's real kinds. An unknown value stops the
/// set-up with the key and the values it accepts.
/// </summary>
internal static class ChannelAdapterChoice
{
    public const string Sandbox = "sandbox";
    public const string None = "none";

    public static string Choose(IWarningEngineBuilder builder, string key, string channel, params string[] realKinds)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var value = builder.ChannelSection(key)["Adapter"];
        var kind = string.IsNullOrWhiteSpace(value) ? Sandbox : value.Trim().ToLowerInvariant();
        if (kind is not (Sandbox or None) && !realKinds.Contains(kind))
        {
            throw new InvalidOperationException(
                $"{WarningEngineKeys.Channels}:{key}:Adapter '{value}' is not known for channel '{channel}': use {string.Join(", ", realKinds)}, {Sandbox} or {None}.");
        }
        if (kind == None)
        {
            return kind;
        }
        builder.ClaimChannel(channel, $"{WarningEngineKeys.Channels}:{key}");
        if (kind == Sandbox)
        {
            AddSandbox(builder.Services, channel);
        }
        return kind;
    }

    /// <summary>
    /// <see cref="Choose"/>, then <paramref name="addReal"/> when the configuration names <paramref name="realKind"/>:
    /// the whole of a channel's registration on the engine builder.
    /// </summary>
    public static IWarningEngineBuilder Register(IWarningEngineBuilder builder, string key, string channel, string realKind,
        Action<IServiceCollection> addReal)
    {
        if (Choose(builder, key, channel, realKind) == realKind)
        {
            addReal(builder.Services);
        }
        return builder;
    }

    /// <summary>
    /// A sandbox adapter for <paramref name="channel"/>, with the latency, batch size and send log of the "Warning"
    /// section, and the channel policy's text limit.
    /// </summary>
    private static void AddSandbox(IServiceCollection services, string channel)
    {
        services.TryAddSingleton<SandboxRecorder>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IChannelAdapter>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
            var policy = sp.GetRequiredService<IOptions<ChannelPolicyOptions>>().Value;
            IChannelAdapter adapter = new SandboxChannelAdapter(new SandboxChannelOptions
            {
                Name = channel,
                MaxTextLength = policy.MaxTextLength.GetValueOrDefault(channel, 2000),
                Latency = options.SandboxLatency,
                MaxBatchSize = options.SandboxBatchSize,
            }, sp.GetRequiredService<SandboxRecorder>(), sp.GetRequiredService<TimeProvider>());
            if (!string.IsNullOrWhiteSpace(options.SandboxSendLog))
            {
                Directory.CreateDirectory(options.SandboxSendLog);
                adapter = new SendLogAdapter(adapter, options.SandboxSendLog);
            }
            return adapter;
        });
    }
}
