using Warning.Engine.Dispatch;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Admin.Hosting;

/// <summary>
/// Migrates the store before the host takes requests, and on shutdown stops in the order that loses nothing:
/// running fan-outs, then the dispatcher's queued batches, then the receipt writer's buffer.
/// </summary>
internal sealed class EngineLifetime(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IAuditStore>().MigrateAsync(cancellationToken);
        _ = services.GetRequiredService<Engine.Audience.DirectoryStore>(); // build the directory now, not on the first request
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IPublicationRunner>() is IAsyncDisposable runner)
        {
            await runner.DisposeAsync();
        }
        await services.GetRequiredService<FanOutDispatcher>().DisposeAsync();
        await services.GetRequiredService<DeliveryBatchWriter>().StopAsync(cancellationToken);
    }
}
