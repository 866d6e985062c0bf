using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Warning.Admin.Readings;

namespace Warning.Admin.Tests.Readings;

/// <summary>A simulated rain gauge: posts signed readings to /api/readings as a monitoring system would.</summary>
internal sealed class RainGauge(HttpClient client, string secret, string stationId, TimeProvider time) : IDisposable
{
    private readonly DateTimeOffset _start = time.GetUtcNow().AddMinutes(-30);
    private int _minute;

    public HttpRequestMessage? LastRequest { get; private set; }

    private byte[] _lastBody = [];

    /// <summary>The next reading, one minute after the last (observed time), signed now.</summary>
    public Task<HttpResponseMessage> PostAsync(double mmPerHour, string? signature = null, long? timestamp = null)
    {
        _minute++;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            stationId,
            measure = "rain_1h_mm",
            value = mmPerHour,
            observedAt = _start.AddMinutes(_minute),
        });
        return SendAsync(body, signature, timestamp);
    }

    public Task<HttpResponseMessage> SendAsync(byte[] body, string? signature = null, long? timestamp = null)
    {
        var stamp = (timestamp ?? time.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/readings") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ReadingSignature.TimestampHeader, stamp);
        request.Headers.Add(ReadingSignature.SignatureHeader, signature ?? ReadingSignature.Header(secret, stamp, body));
        LastRequest = request;
        _lastBody = body;
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The same bytes and headers again, as an attacker who recorded the request would send them.</summary>
    public Task<HttpResponseMessage> ReplayAsync()
    {
        var last = LastRequest!;
        // The bytes kept at sending: the in-memory test server consumes the content of a sent request.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/readings") { Content = new ByteArrayContent(_lastBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Only the signature headers: the client adds its API key itself (it already merged it into the last request).
        foreach (var header in last.Headers.Where(h => h.Key.StartsWith("X-Warning-", StringComparison.Ordinal)))
        {
            request.Headers.Add(header.Key, header.Value);
        }
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        LastRequest?.Dispose();
        client.Dispose();
    }
}
