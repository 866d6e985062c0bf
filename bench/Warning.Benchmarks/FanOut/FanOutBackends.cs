using Warning.Channels.Sandbox;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;

namespace Warning.Benchmarks.FanOut;

/// <summary>The ledger, limiter, sandbox channels and delivery store a fan-out run uses, as the arguments choose.</summary>
internal sealed class FanOutBackends : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private readonly FanOutArguments _settings;

    private FanOutBackends(FanOutArguments settings, IDeliveryLedger ledger, IRateLimiter limiter)
    {
        _settings = settings;
        Ledger = ledger;
        Limiter = limiter;
        Adapters = new ChannelAdapterRegistry(Enumerable.Range(0, settings.Channels).Select(c =>
            new SandboxChannelAdapter(new SandboxChannelOptions { Name = FanOutMacro.ChannelName(c), MaxBatchSize = settings.AdapterBatch },
                Recorder, TimeProvider.System)));
    }

    public SandboxRecorder Recorder { get; } = new();

    public IDeliveryLedger Ledger { get; }

    public IRateLimiter Limiter { get; }

    public ChannelAdapterRegistry Adapters { get; }

    /// <summary>Where delivery outcomes are persisted; null when the run writes nothing.</summary>
    public IDeliveryOutcomeSink? Sink { get; private set; }

    public static Task<FanOutBackends> CreateAsync(FanOutArguments settings)
    {
        if (settings.Ledger != "inprocess" || settings.Store != "none")
        {
            throw new NotSupportedException($"ledger '{settings.Ledger}' with store '{settings.Store}' is not wired yet.");
        }
        var time = TimeProvider.System;
        return Task.FromResult(new FanOutBackends(settings, new InProcessDeliveryLedger(time), new InProcessRateLimiter(time)));
    }

    public FanOutDispatcher CreateDispatcher(IDeliveryOutcomeSink sink) =>
        new(Adapters, Ledger, Limiter, new InProcessVersionCurrency(), sink,
            new DispatchOptions { SendersPerChannel = _settings.Senders }, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
