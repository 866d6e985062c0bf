using Microsoft.Extensions.Options;
using Warning.Peers.BroadcastPlatform;

namespace Warning.Peers.Hosting;

/// <summary>
/// GET /api/peers: what a host profile needs to talk to these stand-ins (base URLs, credentials, key files), as
/// this process is actually configured, so scripts/peers.sh can print it and nobody copies values by hand.
/// </summary>
internal static class AboutEndpoint
{
    public static void MapAbout(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/peers", (HttpContext context, IOptions<PeersOptions> options, BroadcastPlatformStandIn platform) =>
        {
            var o = options.Value;
            var root = $"{context.Request.Scheme}://{context.Request.Host}";
            return new
            {
                note = "OUR stand-ins (Warning.Peers), not vendor products",
                page = root + "/",
                mqtt = new { o.Devices.Enabled, o.Devices.Host, o.Devices.Port, o.Devices.TopicRoot, o.Devices.District },
                wechat = new { apiBaseUrl = root + PeersDefaults.WeChatPrefix, o.WeChat.AppId, o.WeChat.AppSecret, o.WeChat.TemplateId },
                wecom = new { apiBaseUrl = root + PeersDefaults.WeComPrefix, o.WeCom.CorpId, o.WeCom.CorpSecret, o.WeCom.AgentId },
                wecomRobot = new { apiBaseUrl = root + PeersDefaults.RobotPrefix, robots = o.Robots.Keys },
                broadcastPlatform = new
                {
                    platformUrl = root + PeersDefaults.BroadcastPlatformPrefix,
                    sourceEbrId = PeersDefaults.SourceEbrId,
                    destinationEbrId = o.BroadcastPlatform.PlatformEbrId,
                    senderPrivateKeyFile = platform.Keys?.SenderPrivateKeyPath,
                    platformPublicKeyFile = platform.Keys?.PlatformPublicKeyPath,
                    unavailable = platform.Unavailable,
                },
            };
        });
}
