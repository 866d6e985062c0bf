namespace Warning.Peers.BroadcastPlatform;

internal static class BroadcastPlatformEndpoints
{
    /// <summary>POST /ebd[/{mode}[/{argument}]]: the adapter's PlatformUrl is http://host:port/ebd.</summary>
    public static void MapBroadcastPlatformStandIn(this IEndpointRouteBuilder app) =>
        app.MapPost(PeersDefaults.BroadcastPlatformPrefix + "/{mode?}/{argument?}",
            (HttpContext context, string? mode, string? argument, BroadcastPlatformStandIn platform) => platform.HandleAsync(context, mode, argument));
}
