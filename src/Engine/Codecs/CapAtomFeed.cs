using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Warning.Engine.Alerts;

namespace Warning.Engine.Codecs;

/// <summary>
/// The public CAP feed: an Atom 1.0 (RFC 4287) document of the active warnings, one entry per version, each with
/// the whole CAP 1.2 alert inline (<c>content type="application/cap+xml"</c>) and linked (<c>alternate</c>, same
/// type), as shared/reference/channel-protocols.md §5.2 recommends and as NWS and Google's CAP feeds do. A pure
/// function of its inputs: the host serves it at <see cref="CapAtomFeedOptions.FeedPath"/>.
/// </summary>
public static partial class CapAtomFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string CapMediaType = "application/cap+xml";

    private static readonly XNamespace Atom = AtomNamespace;

    /// <summary>The feed as UTF-8 XML text.</summary>
    public static string Write(IReadOnlyList<WarningMessage> warnings, Uri baseUrl, TimeProvider timeProvider,
        CapAtomFeedOptions? options = null)
    {
        var document = ToDocument(warnings, baseUrl, timeProvider, options);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static XDocument ToDocument(IReadOnlyList<WarningMessage> warnings, Uri baseUrl, TimeProvider timeProvider,
        CapAtomFeedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new CapAtomFeedOptions();
        var now = timeProvider.GetUtcNow();
        var feedUrl = new Uri(baseUrl, options.FeedPath);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", feedUrl.AbsoluteUri),
            new XElement(Atom + "title", options.Title),
            new XElement(Atom + "updated", FormatTime(LastChange(warnings, now, options.CancelRetention))),
            options.AuthorName is { } author ? new XElement(Atom + "author", new XElement(Atom + "name", author)) : null,
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"),
                new XAttribute("href", feedUrl.AbsoluteUri)),
            new XElement(Atom + "generator", "Warning"),
            SelectActive(warnings, now, options.CancelRetention).Select(m => Entry(m, baseUrl, feedUrl, options)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    /// <summary>
    /// A permanent entry id for one version: a tag URI (RFC 4151) of the feed's host, the day the version was
    /// sent and its identifier. It never changes with the feed's content, the time it is read, or the URL path.
    /// </summary>
    public static string EntryId(WarningMessage message, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var day = message.Sent.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"tag:{baseUrl.IdnHost},{day}:{Uri.EscapeDataString(message.Identifier)}";
    }

    private static XElement Entry(WarningMessage message, Uri baseUrl, Uri feedUrl, CapAtomFeedOptions options)
    {
        var info = message.Infos.Count > 0 ? message.Infos[0] : null;
        var capUrl = new Uri(baseUrl, string.Format(CultureInfo.InvariantCulture, options.CapPathFormat, Uri.EscapeDataString(message.Identifier)));
        var sent = FormatTime(message.Sent);
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", EntryId(message, baseUrl)),
            new XElement(Atom + "title", Title(message, info)),
            new XElement(Atom + "updated", sent),
            new XElement(Atom + "published", sent),
            new XElement(Atom + "author", new XElement(Atom + "name", info?.SenderName ?? message.Sender)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", CapMediaType),
                new XAttribute("href", capUrl.AbsoluteUri)),
            Categories(message, info, feedUrl),
            info?.Description is { } description ? new XElement(Atom + "summary", description) : null,
            new XElement(Atom + "content", new XAttribute("type", CapMediaType), CapWriter.ToDocument(PublicCopy(message)).Root));
    }

    private static string Title(WarningMessage message, WarningInfo? info)
    {
        var title = info?.Headline ?? info?.Event ?? message.Identifier;
        return message.MsgType == MessageType.Cancel && info?.Headline is null ? "解除" + title : title;
    }

    /// <summary>
    /// One category per level (term = the colour, label = 红色预警（I级/特别重大）), per event type (GB/T 35561
    /// code) and per message type, each in a scheme named by a fragment of the feed's URL.
    /// </summary>
    private static IEnumerable<XElement> Categories(WarningMessage message, WarningInfo? info, Uri feedUrl)
    {
        if (info?.Level is { } level)
        {
            yield return Category(feedUrl, "level", level.ToString(),
                $"{level.ChineseColour()}预警（{level.Grade()}级/{level.ChineseSeverityWord()}）");
        }
        if (info?.EventType is { } eventType)
        {
            yield return Category(feedUrl, "event", eventType, info.Event);
        }
        yield return Category(feedUrl, "msgType", message.MsgType.ToString(), null);
    }

    private static XElement Category(Uri feedUrl, string scheme, string term, string? label) =>
        new(Atom + "category",
            new XAttribute("scheme", feedUrl.AbsoluteUri + "#" + scheme),
            new XAttribute("term", term),
            label is null ? null : new XAttribute("label", label));

    /// <summary>RFC 3339 as Atom requires, in the version's own offset (UTC as +00:00: Atom has no CAP "-00:00" rule).</summary>
    private static string FormatTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
