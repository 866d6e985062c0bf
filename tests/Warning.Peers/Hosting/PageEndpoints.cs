using System.Reflection;

namespace Warning.Peers.Hosting;

/// <summary>The device page: plain HTML, CSS and JavaScript embedded in this assembly (no CDN, no build step).</summary>
internal static class PageEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "Page/index.html", "text/html; charset=utf-8"),
        ("/devices.css", "Page/devices.css", "text/css; charset=utf-8"),
        ("/devices.js", "Page/devices.js", "text/javascript; charset=utf-8"),
    ];

    public static void MapDevicePage(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(path, () => Results.Bytes(bytes, contentType));
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded page file {resource} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
