using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// Turns one delivery (a version's broadcast text for one area group) into EBM fields. Works from the
/// <see cref="DeliveryContent"/> alone when the whole message is not attached; the message adds the event type,
/// sender, headline, times and the EBMs a Cancel or Update refers to.
/// </summary>
internal static class EbmComposer
{
    /// <summary>
    /// The area codes an address names: GB/T 2260 codes of 6 (county), 9 (township) or 12 (village) digits,
    /// comma-separated, padded to the 12 digits the platform's AreaCode carries. Null when any part is not a code.
    /// </summary>
    public static IReadOnlyList<string>? ParseAreaGroup(string address)
    {
        var parts = address.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }
        var codes = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length is not (6 or 9 or 12) || !part.All(char.IsAsciiDigit))
            {
                return null;
            }
            codes[i] = part.PadRight(12, '0');
        }
        return codes;
    }

    public static EbmFields Compose(DeliveryContent content, IReadOnlyList<string> areaCodes, string areaGroup,
        BroadcastPlatformChannelOptions options, DateTimeOffset now)
    {
        var message = content.Message;
        var info = message?.Infos.Count > 0 ? message.Infos[0] : null;
        var sent = message?.Sent ?? now;
        var start = info?.Effective ?? info?.Onset ?? sent;
        if (start < now)
        {
            start = now;  // The platform schedules from StartTime; a past start would be a late or refused broadcast.
        }
        var end = content.Expires ?? info?.Expires ?? start + options.DefaultBroadcastDuration;
        var related = message?.References
            .Select(r => EbdIds.EbmId(options.SourceEbrId, r.Identifier, areaGroup, r.Sent ?? sent))
            .ToArray() ?? [];
        return new EbmFields
        {
            EbdId = EbdIds.NewEbdId(options.SourceEbrId),
            SourceEbrId = options.SourceEbrId,
            SourceUrl = options.SourceUrl,
            DestinationEbrId = options.DestinationEbrId,
            EbdTime = now,
            EbmId = EbdIds.EbmId(options.SourceEbrId, content.VersionId, areaGroup, sent),
            RelatedEbmIds = related,
            MsgType = MsgType(content),
            SenderName = info?.SenderName ?? message?.Sender ?? options.SenderName,
            SenderCode = message?.SenderCode ?? options.SenderCode,
            SentTime = sent,
            EventType = info?.EventType,
            Severity = Severity(content.Level),
            StartTime = start,
            EndTime = end,
            Title = Title(content, info),
            Description = content.Text,
            AreaCodes = areaCodes,
        };
    }

    // 1 实际播发, 2 取消播发, 3 平台演练播发 (our reading). A drill or test runs as a platform drill, never as real.
    private static int MsgType(DeliveryContent content) => content switch
    {
        { MsgType: MessageType.Cancel } => 2,
        { Status: not AlertStatus.Actual } => 3,
        _ => 1,
    };

    // Grade number: Red is I (1) … Blue is IV (4); 0 when the version has no level.
    private static int Severity(WarningLevel? level) => level switch
    {
        WarningLevel.Red => 1,
        WarningLevel.Orange => 2,
        WarningLevel.Yellow => 3,
        WarningLevel.Blue => 4,
        _ => 0,
    };

    private static string Title(DeliveryContent content, WarningInfo? info)
    {
        var mark = WarningText.StatusMark(content.Status);
        var title = info?.Headline
            ?? (content.Level is { } level ? $"{level.ChineseColour()}预警" : "预警信息");
        if (content.MsgType == MessageType.Cancel && info?.Headline is null)
        {
            title = "解除" + title;
        }
        return title.StartsWith(mark, StringComparison.Ordinal) ? title : mark + title;
    }
}
