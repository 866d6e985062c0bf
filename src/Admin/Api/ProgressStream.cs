using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Warning.Admin.Web;

namespace Warning.Admin.Api;

/// <summary>
/// Server-Sent Events for the live delivery page: a <c>progress</c> event twice a second with the per-channel
/// counts and the time they were read (the page draws its live curve from these samples; the stored curve is on the
/// version report), until the fan-out ends; then <c>end</c>.
/// </summary>
internal static class ProgressStream
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);

    public static async Task StreamAsync(string id, string versionId, HttpContext context, WarningViews views, TimeProvider timeProvider, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var started = timeProvider.GetTimestamp();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var progress = await views.ProgressAsync(id, versionId, cancellationToken);
                var payload = new { progress, at = timeProvider.GetUtcNow() };
                await WriteAsync(context, "progress", JsonSerializer.Serialize(payload, json.Value.SerializerOptions), cancellationToken);
                var finished = progress.State is "Completed" or "Failed" or "Recorded" or "NotStarted";
                if (finished || timeProvider.GetElapsedTime(started) > MaxDuration)
                {
                    await WriteAsync(context, "end", "{}", cancellationToken);
                    return;
                }
                await Task.Delay(Tick, timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the page was closed: nothing to answer
        }
    }

    private static async Task WriteAsync(HttpContext context, string name, string data, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", Encoding.UTF8, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
