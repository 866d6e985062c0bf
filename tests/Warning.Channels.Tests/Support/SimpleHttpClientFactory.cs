namespace Warning.Channels.Tests.Support;

/// <summary>
/// A plain IHttpClientFactory for adapters built by hand in tests. The timeout is generous: a stub's first answer
/// can take seconds while the whole suite loads both cores, and a timeout would read as a transient failure.
/// </summary>
internal sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(60) };
}
