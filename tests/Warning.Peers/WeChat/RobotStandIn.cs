using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Warning.Peers.Recording;

namespace Warning.Peers.WeChat;

/// <summary>
/// OUR stand-in for WeCom group robots: POST cgi-bin/webhook/send?key=KEY with {"msgtype":"text"|"markdown",…}.
/// An unknown key is answered 93000; over the per-minute limit a robot answers 45009 (as reported for real robots).
/// The recipient recorded is the robot's name, which is the adapter's address for it.
/// </summary>
internal sealed class RobotStandIn(IOptions<PeersOptions> options, ReceivedLog log, TimeProvider timeProvider)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly RobotStandInOptions _options = options.Value.Robots;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private long _sent;

    public async Task<IResult> SendAsync(HttpRequest request, string? key)
    {
        var robot = _options.Keys.FirstOrDefault(p => p.Value == key).Key;
        if (robot is null)
        {
            return WeChatAnswers.Error(93000, "invalid webhook url");
        }
        if (await WeChatAnswers.ReadBodyAsync(request) is not { } body)
        {
            return WeChatAnswers.DataFormatError();
        }
        var msgtype = WeChatAnswers.String(body, "msgtype");
        var content = msgtype is "text" or "markdown" && body[msgtype]?["content"] is JsonValue v && v.TryGetValue<string>(out var c) ? c : null;
        if (string.IsNullOrEmpty(content))
        {
            return WeChatAnswers.Error(40008, "invalid message type");
        }
        if (Encoding.UTF8.GetByteCount(content) > (msgtype == "text" ? 2048 : 4096))
        {
            return WeChatAnswers.Error(45002, "content size out of limit");
        }
        var now = timeProvider.GetUtcNow();
        if (!TryTake(robot, now))
        {
            return WeChatAnswers.Error(45009, "api freq out of limit");
        }
        var mentioned = body[msgtype!]?["mentioned_list"] is JsonArray list ? string.Join(",", list.Select(m => m?.ToString())) : null;
        var id = "peers-robot-" + Interlocked.Increment(ref _sent).ToString(CultureInfo.InvariantCulture);
        log.Add(new ReceivedMessage(PeerChannels.WeComRobot, robot, DetailLinks.Identifier(content), null, id, ReceivedKinds.Send, content,
            false, now, mentioned is null ? msgtype : $"{msgtype}, mentioned {mentioned}"));
        return WeChatAnswers.Ok();
    }

    private bool TryTake(string robot, DateTimeOffset now)
    {
        lock (_recent)
        {
            if (!_recent.TryGetValue(robot, out var sent))
            {
                _recent[robot] = sent = new Queue<DateTimeOffset>();
            }
            while (sent.Count > 0 && now - sent.Peek() >= Minute)
            {
                sent.Dequeue();
            }
            if (sent.Count >= _options.MessagesPerMinute)
            {
                return false;
            }
            sent.Enqueue(now);
            return true;
        }
    }
}
