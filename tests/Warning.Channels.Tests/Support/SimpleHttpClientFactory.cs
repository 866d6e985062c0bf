namespace Warning.Channels.Tests.Support;

/// <summary>A plain IHttpClientFactory for adapters built by hand in tests.</summary>
internal sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(10) };
}
