using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>A district rainstorm thread as the fan-out hands it to the broadcast-platform channel.</summary>
internal static class EbSamples
{
    public const string FirstId = "44010641600000_20260720080000_0";
    public static readonly DateTimeOffset Sent = new(2026, 7, 20, 8, 0, 0, TimeSpan.FromHours(8));

    public static WarningMessage Alert(AlertStatus status = AlertStatus.Actual) => new()
    {
        Identifier = FirstId,
        Sender = "广州市海珠区应急管理局",
        SenderCode = "44010641600000",
        Sent = Sent,
        Status = status,
        Infos =
        [
            new WarningInfo
            {
                Event = "暴雨",
                EventType = "11B03",
                Level = WarningLevel.Red,
                SenderName = "海珠区应急管理局",
                Headline = "海珠区应急管理局发布暴雨红色预警",
                Description = "预计未来3小时内海珠区将出现100毫米以上降雨，请立即转移到安全地带。",
                Effective = Sent,
                Expires = Sent.AddHours(6),
            },
        ],
    };

    public static WarningMessage Cancel() => Alert() with
    {
        Identifier = "44010641600000_20260720120000_0",
        Sent = Sent.AddHours(4),
        MsgType = MessageType.Cancel,
        References = [new MessageReference("广州市海珠区应急管理局", FirstId, Sent)],
    };

    public static DeliveryBatch Batch(WarningMessage message, params string[] areaGroups)
    {
        var info = message.Infos[0];
        var content = new DeliveryContent("thread-1", message.Identifier, message.MsgType, message.Status, info.Level,
            WarningText.ForChannel(message, "broadcast-platform"), info.Expires)
        { Message = message };
        return new DeliveryBatch(content, [.. areaGroups.Select((address, i) => new DeliveryRecipient(i + 1, address))]);
    }
}
