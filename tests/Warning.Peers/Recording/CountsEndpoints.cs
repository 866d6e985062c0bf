using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Warning.Peers.Devices;

namespace Warning.Peers.Recording;

/// <summary>
/// The API an end-to-end test counts with, and the page's live feed:
/// GET /api/received (per channel, what arrived), GET /api/devices (what each device shows or plays now),
/// POST /api/reset (forget what arrived; devices keep showing what they show), GET /api/events (server-sent events
/// with both, on every change).
/// </summary>
internal static class CountsEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapCountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/received", (ReceivedLog log) => log.ByChannel());
        api.MapGet("/devices", Devices);
        api.MapPost("/reset", (ReceivedLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        api.MapGet("/events", (HttpContext context, ReceivedLog log, DeviceBoard board, DeviceSimulator simulator, TimeProvider time) =>
            TypedResults.ServerSentEvents(Changes(log, board, simulator, time, context.RequestAborted)));
    }

    private static DevicesView Devices(DeviceBoard board, DeviceSimulator simulator, Microsoft.Extensions.Options.IOptions<PeersOptions> options)
    {
        var devices = options.Value.Devices;
        return new DevicesView(new BrokerView(devices.Host, devices.Port, simulator.CommandFilter, simulator.IsConnected),
            [.. board.Devices().Select(DeviceView.Of)]);
    }

    private static async IAsyncEnumerable<SseItem<object>> Changes(ReceivedLog log, DeviceBoard board, DeviceSimulator simulator,
        TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before the snapshot, so a change while it is being made wakes us again instead of being missed.
            var next = Task.WhenAny(log.Changed.NextAsync(), board.Changed.NextAsync());
            yield return new SseItem<object>(new
            {
                broker = simulator.IsConnected,
                devices = board.Devices().Select(DeviceView.Of).ToArray(),
                received = log.Snapshot().TakeLast(50).Reverse().ToArray(),
            }, "state");
            try
            {
                await next.WaitAsync(Heartbeat, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing happened: send the state again, which also keeps proxies from closing the stream.
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
