using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Alerts;
using Warning.Engine.Codecs;
using Warning.Engine.Tests.Lifecycle;
using Warning.Engine.Tests.Support;

namespace Warning.Engine.Tests.Codecs;

/// <summary>
/// The public CAP feed read back by an independent Atom parser (System.ServiceModel.Syndication's
/// Atom10FeedFormatter; the feed is written with XLinq alone), its embedded CAP checked by xmllint against the
/// OASIS schema.
/// </summary>
public sealed class CapAtomFeedTests
{
    private static readonly Uri BaseUrl = new("https://warning.haizhu.example/");
    private static readonly string Schema = Path.Combine(AppContext.BaseDirectory, "TestData", "schema", "cap12.xsd");
    private readonly FakeTimeProvider _time = new(WarningSamples.Start.AddHours(1));

    [Fact]
    public void Write_ActiveWarnings_IndependentParserReadsEntriesIdsTimesCategoriesAndLinks()
    {
        var red = WarningSamples.Alert();
        var feed = Parse(CapAtomFeed.Write([red], BaseUrl, _time, new CapAtomFeedOptions { AuthorName = "海珠区应急管理局" }));

        Assert.Equal("https://warning.haizhu.example/feed/cap.atom", feed.Id);
        Assert.Equal(red.Sent, feed.LastUpdatedTime);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("tag:warning.haizhu.example,2026-07-20:44010641600000_20260720080000_0", entry.Id);
        Assert.Equal(red.Infos[0].Headline, entry.Title.Text);
        Assert.Equal(red.Sent, entry.LastUpdatedTime);
        Assert.Equal(red.Sent, entry.PublishDate);
        Assert.Equal(red.Infos[0].Description, entry.Summary.Text);
        var level = Assert.Single(entry.Categories, c => c.Scheme.EndsWith("#level", StringComparison.Ordinal));
        Assert.Equal(("Red", "红色预警（I级/特别重大）"), (level.Name, level.Label));
        Assert.Contains(entry.Categories, c => c.Scheme.EndsWith("#event", StringComparison.Ordinal) && c.Name == "11B03");
        var link = Assert.Single(entry.Links);
        Assert.Equal(("alternate", "application/cap+xml"), (link.RelationshipType, link.MediaType));
        Assert.Equal("https://warning.haizhu.example/cap/44010641600000_20260720080000_0.xml", link.Uri.AbsoluteUri);
    }

    [Fact]
    public void Write_EmbeddedCap_ReadsBackAsTheSameWarningWithoutInternalFields()
    {
        var red = WarningSamples.Alert() with
        {
            TargetGroups = ["officials"],
            Channels = [new ChannelDirective("sms", "内部短信", [], ["13800001111"])],
        };
        var entry = Assert.Single(Parse(CapAtomFeed.Write([red], BaseUrl, _time)).Items);

        var read = WarningXml.Read(EmbeddedCap(entry));
        Assert.True(read.IsValid, string.Join("; ", read.Issues));
        Assert.Equal(red with { TargetGroups = [], Channels = [] }, read.Message);
        Assert.DoesNotContain("13800001111", EmbeddedCap(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EveryEmbeddedCap_PassesXmllintAgainstTheOasisSchema()
    {
        var xmllint = TestTools.Require("xmllint", "Debian package libxml2-utils");
        var warnings = new[] { WarningSamples.Alert(), WarningSamples.Cancel("44010641600000_20260720083000_0") with { Sent = WarningSamples.Start.AddMinutes(30) } };
        var feedXml = CapAtomFeed.Write([warnings[1], Other(WarningLevel.Yellow)], BaseUrl, _time);
        var folder = Directory.CreateTempSubdirectory("warning-feed-");
        try
        {
            var feedPath = Path.Combine(folder.FullName, "cap.atom");
            File.WriteAllText(feedPath, feedXml);
            var (wellFormed, output) = TestTools.Run(xmllint, "--noout", "--nonet", feedPath);
            Assert.True(wellFormed == 0, output);
            var items = Parse(feedXml).Items.ToList();
            Assert.Equal(2, items.Count);
            foreach (var (item, i) in items.Select((item, i) => (item, i)))
            {
                var capPath = Path.Combine(folder.FullName, $"entry{i}.cap");
                File.WriteAllText(capPath, EmbeddedCap(item));
                var (exit, text) = TestTools.Run(xmllint, "--noout", "--nonet", "--schema", Schema, capPath);
                Assert.True(exit == 0, text);
                Assert.Contains("validates", text, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SelectActive_MixedVersions_KeepsOnlyPublicCurrentUnexpiredAndRecentCancels()
    {
        var now = _time.GetUtcNow();
        var alert = WarningSamples.Alert();
        var update = WarningSamples.Update("44010641600000_20260720083000_0", WarningLevel.Orange);
        var exercise = Other(WarningLevel.Blue) with { Identifier = "44010641600000_20260720070000_1", Status = AlertStatus.Exercise };
        var inner = Other(WarningLevel.Blue) with { Identifier = "44010641600000_20260720070000_2", SecClassification = "Inner" };
        var expired = Other(WarningLevel.Yellow, sent: now.AddHours(-7));
        var oldCancel = WarningSamples.Cancel("44010641600000_20260718080000_0") with { Sent = now.AddHours(-25), References = [] };
        var recentCancel = WarningSamples.Cancel("44010641600000_20260720075000_0") with { Sent = now.AddHours(-23), References = [] };

        var active = CapAtomFeed.SelectActive([alert, update, exercise, inner, expired, oldCancel, recentCancel], now, TimeSpan.FromHours(24));

        Assert.Equal([update.Identifier, recentCancel.Identifier], active.Select(m => m.Identifier));
    }

    [Fact]
    public void Write_SameWarningsLater_SameEntryIdsAndFeedUpdatedOnlyWhenSomethingChanged()
    {
        var alert = WarningSamples.Alert();
        var first = Parse(CapAtomFeed.Write([alert], BaseUrl, _time));
        _time.Advance(TimeSpan.FromHours(1));
        var second = Parse(CapAtomFeed.Write([alert], BaseUrl, _time));
        _time.Advance(TimeSpan.FromHours(5));  // past the alert's expiry (sent + 6 h)
        var third = Parse(CapAtomFeed.Write([alert], BaseUrl, _time));

        Assert.Equal(first.Items.Single().Id, second.Items.Single().Id);
        Assert.Equal(first.LastUpdatedTime, second.LastUpdatedTime);
        Assert.Empty(third.Items);
        Assert.Equal(alert.Infos[0].Expires, third.LastUpdatedTime);
    }

    [Fact]
    public void Write_NoWarnings_ValidEmptyFeedUpdatedNow()
    {
        var feed = Parse(CapAtomFeed.Write([], BaseUrl, _time));
        Assert.Empty(feed.Items);
        Assert.Equal(_time.GetUtcNow(), feed.LastUpdatedTime);
    }

    private static WarningMessage Other(WarningLevel level, DateTimeOffset? sent = null)
    {
        var at = sent ?? WarningSamples.Start.AddMinutes(10);
        var alert = WarningSamples.Alert(level);
        return alert with
        {
            Identifier = $"44010641600000_{at.ToOffset(TimeSpan.FromHours(8)):yyyyMMddHHmmss}_3",
            Sent = at,
            Infos = [alert.Infos[0] with { Expires = at.AddHours(6) }],
        };
    }

    private static SyndicationFeed Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static string EmbeddedCap(SyndicationItem item)
    {
        var content = Assert.IsType<XmlSyndicationContent>(item.Content);
        Assert.Equal(CapAtomFeed.CapMediaType, content.Type);
        using var reader = content.GetReaderAtContent();
        reader.ReadStartElement();  // <content>
        reader.MoveToContent();
        return XElement.Load(reader.ReadSubtree()).ToString();
    }
}
