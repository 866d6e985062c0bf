using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Engine.Codecs;

namespace Warning.Channels.Webhook;

/// <summary>
/// The bodies a subscriber can receive, built once per batch: JSON in the Standard Webhooks shape
/// {"type": "warning.alert|update|cancel", "timestamp", "data"}, or the version as CAP 1.2 XML.
/// </summary>
internal sealed class WebhookPayload(DeliveryContent content, Uri? detailBaseUrl, DateTimeOffset now)
{
    private readonly Lazy<byte[]> _json = new(() => Json(content, detailBaseUrl, now));
    private readonly Lazy<byte[]?> _cap = new(() => content.Message is null ? null : Encoding.UTF8.GetBytes(CapWriter.Write(content.Message)));

    public byte[] JsonBody => _json.Value;

    /// <summary>Null when the delivery carries no full version to write as CAP.</summary>
    public byte[]? CapBody => _cap.Value;

    private static byte[] Json(DeliveryContent content, Uri? detailBaseUrl, DateTimeOffset now)
    {
        var summary = WarningSummary.From(content, detailBaseUrl);
        var info = content.Message is { Infos.Count: > 0 } message ? message.Infos[0] : null;
        var data = new JsonObject
        {
            ["identifier"] = summary.Identifier,
            ["threadId"] = content.ThreadId,
            ["versionId"] = content.VersionId,
            ["msgType"] = content.MsgType.ToString(),
            ["status"] = content.Status.ToString(),
            ["level"] = content.Level?.ToString(),
            ["title"] = summary.Title,
            ["event"] = summary.Event,
            ["eventType"] = info?.EventType,
            ["headline"] = summary.Headline,
            ["text"] = content.Text,
            ["instruction"] = info?.Instruction,
            ["areas"] = new JsonArray([.. (info?.Areas ?? []).Select(a => (JsonNode?)Area(a))]),
            ["sender"] = info?.SenderName ?? content.Message?.Sender,
            ["sent"] = Time(content.Message?.Sent),
            ["effective"] = Time(info?.Effective),
            ["expires"] = Time(content.Expires ?? info?.Expires),
            ["detailUrl"] = summary.DetailUrl?.AbsoluteUri,
        };
        var payload = new JsonObject
        {
            ["type"] = $"warning.{content.MsgType.ToString().ToLowerInvariant()}",
            ["timestamp"] = Time(now),
            ["data"] = data,
        };
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    private static JsonObject Area(TargetArea area) => new()
    {
        ["description"] = area.AreaDesc,
        ["adminCodes"] = new JsonArray([.. area.AdminCodes.Select(c => (JsonNode?)c)]),
    };

    private static string? Time(DateTimeOffset? time) =>
        time?.ToOffset(WarningSummary.BeijingOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
