using System.Net.Http.Headers;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>What came back from one POST: an HTTP answer, or no answer at all.</summary>
internal readonly record struct PlatformReply(int StatusCode, byte[] Body, string? NoAnswer)
{
    public bool Answered => NoAnswer is null;
}

/// <summary>
/// HTTP to the EB platform: one package per POST, multipart/form-data with a single file part (the reference,
/// §4.2). Clients come from <see cref="IHttpClientFactory"/> per call, so the singleton adapter never pins a
/// handler (and its DNS answer) for the life of the process.
/// </summary>
public sealed class BroadcastPlatformClient(IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
{
    public const string HttpClientName = "Warning.Channels.BroadcastPlatform";

    /// <summary>Posts one package. A timeout or a connection failure is a reply without an answer, not an exception.</summary>
    internal async Task<PlatformReply> PostAsync(Uri url, string fileName, byte[] package, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        form.Add(file, "file", fileName);
        var http = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await http.PostAsync(url, form, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new PlatformReply((int)response.StatusCode, body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PlatformReply(0, [], $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new PlatformReply(0, [], $"unreachable: {e.Message}");
        }
    }
}
