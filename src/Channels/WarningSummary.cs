using System.Globalization;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels;

/// <summary>
/// The key facts of one version in the words a member of the public reads (level, event, area, time) and the
/// link to its public detail page. Channels that cannot carry the whole text (WeChat template fields hold 20
/// characters) send these; the others put them in subjects and titles.
/// </summary>
public sealed record WarningSummary(
    string Level,
    string Event,
    string Headline,
    string? Area,
    string? Time,
    string Identifier,
    Uri? DetailUrl)
{
    /// <summary>China has one time zone and no daylight saving; warnings are read in Beijing time.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    // Without the full version the text stands in for event and headline: its start, not the whole of it.
    private const int FallbackEventLength = 20;
    private const int FallbackHeadlineLength = 40;

    /// <summary>Summarises <paramref name="content"/>; the link is "{detailBaseUrl}/w/{identifier}" when a base is given.</summary>
    public static WarningSummary From(DeliveryContent content, Uri? detailBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(content);
        var info = content.Message is { Infos.Count: > 0 } message ? message.Infos[0] : null;
        var identifier = content.Message?.Identifier ?? content.VersionId;
        var level = content.Level ?? info?.Level;
        var levelText = content.MsgType switch
        {
            MessageType.Cancel => level is { } cancelled ? $"{cancelled.ChineseColour()}预警解除" : "预警解除",
            _ => level is { } l ? $"{l.ChineseColour()}预警" : "预警",
        };
        var areas = info is null ? null : string.Join("、", info.Areas.Select(a => a.AreaDesc).Where(d => d.Length > 0));
        var time = info?.Onset ?? info?.Effective ?? content.Message?.Sent;
        return new WarningSummary(
            Level: content.Status == AlertStatus.Actual ? levelText : $"{levelText}（演练）",
            Event: info?.Event ?? TextLimits.FitChars(content.Text, FallbackEventLength),
            Headline: info?.Headline ?? TextLimits.FitChars(content.Text, FallbackHeadlineLength),
            Area: string.IsNullOrEmpty(areas) ? null : areas,
            Time: time?.ToOffset(BeijingOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Identifier: identifier,
            DetailUrl: detailBaseUrl is null ? null : DetailLink(detailBaseUrl, identifier));
    }

    /// <summary>The public detail page the Admin serves at /w/{identifier}.</summary>
    public static Uri DetailLink(Uri baseUrl, string identifier)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/w/{Uri.EscapeDataString(identifier)}", UriKind.Absolute);
    }

    /// <summary>"【红色预警】headline": the form subjects and titles take.</summary>
    public string Title => $"【{Level}】{Headline}";
}
