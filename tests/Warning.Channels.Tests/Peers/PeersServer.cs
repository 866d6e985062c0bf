using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Warning.Peers.Hosting;

namespace Warning.Channels.Tests.Peers;

/// <summary>
/// The Warning.Peers app (our stand-ins) hosted in the test process on a free loopback port: the same composition
/// scripts/peers.sh runs, with the test's settings. Without <c>Peers:Devices:Enabled=true</c> no simulator connects.
/// </summary>
internal sealed class PeersServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PeersServer(WebApplication app, Uri baseUrl)
    {
        (_app, BaseUrl) = (app, baseUrl);
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The server root, ending in "/".</summary>
    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A URL under the root: <c>Url("wechat")</c> is the WeChat adapter's ApiBaseUrl.</summary>
    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<PeersServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Peers:Url"] = "http://127.0.0.1:0",
            ["Peers:Devices:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var app = PeersApp.Create([.. all.Select(p => $"--{p.Key}={p.Value}")], services);
        await app.StartAsync();
        // The address Kestrel bound, with the port it chose.
        return new PeersServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
