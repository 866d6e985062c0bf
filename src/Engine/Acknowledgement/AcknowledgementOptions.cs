using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Acknowledgement;

/// <summary>The 叫应 policy: which levels need an answer, how long to wait, and how to escalate.</summary>
public sealed class AcknowledgementOptions
{
    public const string SectionName = "Warning:Acknowledgement";

    /// <summary>Whether published versions start 叫应 at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Levels whose versions must be answered, comma-separated. Default: "Orange,Red" (design.md §1). (Text, not an
    /// array: configuration binding appends to an array's defaults instead of replacing them.)
    /// </summary>
    public string Levels { get; set; } = "Orange,Red";

    /// <summary>How long each step waits for an answer before the next. Default: 10 minutes.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Steps after the first contact, in order, comma-separated. Default: "SecondChannel,Deputy,Supervisor".</summary>
    public string Escalation { get; set; } = "SecondChannel,Deputy,Supervisor";

    /// <summary>The channel of the first contact. Default: "sms" (reply "1" or the code).</summary>
    public string FirstChannel { get; set; } = AudienceChannels.Sms;

    /// <summary>The channel of the second-channel step. Default: "wechat" (a confirmation link).</summary>
    public string SecondChannel { get; set; } = AudienceChannels.WeChat;

    /// <summary>Where links point: the public address of the console. Default: http://127.0.0.1:5080.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public IReadOnlyList<WarningLevel> LevelList => Parse<WarningLevel>(Levels, nameof(Levels));

    public IReadOnlyList<EscalationStep> Steps => Parse<EscalationStep>(Escalation, nameof(Escalation));

    /// <summary>Null when the settings make sense, else what is wrong (checked at start).</summary>
    public string? Problem()
    {
        try
        {
            _ = LevelList;
            if (Steps.Contains(EscalationStep.Initial))
            {
                return "Escalation: Initial is the first contact, not a step after it";
            }
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        return AnswerWithin <= TimeSpan.Zero ? "AnswerWithin must be positive"
            : !IsSmsOrWeChat(FirstChannel) || !IsSmsOrWeChat(SecondChannel) ? "FirstChannel and SecondChannel must be sms or wechat"
            : !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _) ? "PublicBaseUrl must be an absolute URL"
            : null;
    }

    public bool Applies(WarningMessage version)
    {
        ArgumentNullException.ThrowIfNull(version);
        // Test and System versions never reach officials as work; a Cancel ends the duty instead of starting one.
        if (!Enabled || version.MsgType == MessageType.Cancel || version.Status is not (AlertStatus.Actual or AlertStatus.Exercise))
        {
            return false;
        }
        var level = version.Infos.Select(i => i.Level).Max();
        return level is { } l && LevelList.Contains(l);
    }

    // The 叫应 texts and answers know SMS replies and WeChat links only; the directory's wider channel set does not widen them.
    private static bool IsSmsOrWeChat(string? channel) =>
        string.Equals(channel, AudienceChannels.Sms, StringComparison.OrdinalIgnoreCase)
        || string.Equals(channel, AudienceChannels.WeChat, StringComparison.OrdinalIgnoreCase);

    private static List<T> Parse<T>(string text, string name) where T : struct, Enum =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
            Enum.TryParse<T>(part, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(part, out _)
                ? value
                : throw new FormatException($"{SectionName}:{name}: '{part}' is not one of {string.Join(", ", Enum.GetNames<T>())}"))];
}
