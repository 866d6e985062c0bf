using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Warning.Admin.Pages;

/// <summary>The local API reference: every /api, feed and CAP endpoint with its summary, read from the endpoint metadata.</summary>
public sealed class ApiDocsModel(EndpointDataSource endpoints) : PageModel
{
    public IReadOnlyList<(string Method, string Route, string Summary, string? Policy)> Rows { get; private set; } = [];

    public void OnGet() => Rows = [.. endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal)
            || raw.StartsWith("/feed", StringComparison.Ordinal) || raw.StartsWith("/cap", StringComparison.Ordinal)))
        .Select(e => (
            string.Join(", ", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]),
            e.RoutePattern.RawText!,
            e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
            e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is { Count: > 0 } auth ? auth[^1].Policy : null))
        .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Item1, StringComparer.Ordinal)];
}
