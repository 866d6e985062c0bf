using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Warning.Engine.Dispatch;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Engine.Hosting;

/// <summary>
/// Migrates the store before the host takes requests, and on shutdown stops in the order that loses nothing:
/// running fan-outs, then the dispatcher's queued batches, then the receipt writer's buffer.
/// </summary>
/// <remarks>
/// The parts to drain are taken at start, and a second stop (the test host and the program's own run loop both
/// stop the host, and the program then disposes it) waits for the first drain instead of starting another, so
/// stopping never needs the service provider, which may already be disposed.
/// </remarks>
internal sealed class EngineLifetime(IServiceProvider services) : IHostedService
{
    private readonly Lock _gate = new();
    private (IPublicationRunner Runner, FanOutDispatcher Dispatcher, DeliveryBatchWriter Writer)? _parts;
    private Task? _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IAuditStore>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        _ = services.GetRequiredService<Engine.Audience.DirectoryStore>(); // build the directory now, not on the first request
        _parts = (services.GetRequiredService<IPublicationRunner>(), services.GetRequiredService<FanOutDispatcher>(),
            services.GetRequiredService<DeliveryBatchWriter>());
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_parts is not { } parts)
        {
            return Task.CompletedTask; // a host that failed to start has nothing to drain
        }
        lock (_gate)
        {
            return _stopping ??= DrainAsync(parts, cancellationToken);
        }
    }

    private static async Task DrainAsync((IPublicationRunner Runner, FanOutDispatcher Dispatcher, DeliveryBatchWriter Writer) parts,
        CancellationToken cancellationToken)
    {
        if (parts.Runner is IAsyncDisposable runner)
        {
            await runner.DisposeAsync().ConfigureAwait(false);
        }
        await parts.Dispatcher.DisposeAsync().ConfigureAwait(false);
        await parts.Writer.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
