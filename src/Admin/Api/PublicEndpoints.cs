using Warning.Engine.Alerts;
using Warning.Engine.Codecs;
using Warning.Engine.Issuing;
using Warning.Engine.Lifecycle;
using Warning.Engine.Persistence;

namespace Warning.Admin.Api;

/// <summary>
/// Without sign-in: the public CAP Atom feed of active Actual warnings (<c>/feed/cap.atom</c>) and each released
/// version's CAP XML exactly as stored (<c>/cap/{id}.xml</c>). The public detail page is the Razor page /w/{id}.
/// </summary>
internal static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed/cap.atom", FeedAsync).AllowAnonymous().WithTags("Public").WithSummary("公开 CAP Atom 订阅 / public CAP Atom feed");
        app.MapGet("/cap/{id}.xml", CapAsync).AllowAnonymous().WithTags("Public").WithSummary("已发布版本的 CAP 报文 / a released version's CAP");
        return app;
    }

    private static async Task<IResult> FeedAsync(HttpContext context, WarningService service, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var published = await PublishedVersionsAsync(service, cancellationToken);
        var baseUrl = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
        return Results.Text(CapAtomFeed.Write(published, baseUrl, timeProvider), "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> CapAsync(string id, IAuditStore audit, CancellationToken cancellationToken)
    {
        var xml = await audit.GetOriginalXmlAsync(id, cancellationToken);
        if (xml is null || !IsPublic(xml))
        {
            return Results.NotFound();
        }
        return Results.Text(xml, CapAtomFeed.CapMediaType + "; charset=utf-8");
    }

    /// <summary>Every published version of every thread: the feed itself keeps only the active, public, Actual ones.</summary>
    public static async Task<IReadOnlyList<WarningMessage>> PublishedVersionsAsync(WarningService service, CancellationToken cancellationToken)
    {
        var versions = new List<WarningMessage>();
        foreach (var record in await service.ListAsync(null, 500, cancellationToken))
        {
            if (record.State is nameof(WarningThreadState.Pending))
            {
                continue;
            }
            var issued = await service.GetAsync(record.ThreadId, cancellationToken);
            versions.AddRange(issued.Thread.Versions.Where(v => v.State == VersionState.Published).Select(v => v.Content));
        }
        return versions;
    }

    /// <summary>A stored version is shown publicly only when it is a public Actual one (tests and exercises never are).</summary>
    private static bool IsPublic(string xml)
    {
        var read = WarningXml.Read(xml);
        return read.Message is { Status: AlertStatus.Actual, Scope: AlertScope.Public };
    }
}
