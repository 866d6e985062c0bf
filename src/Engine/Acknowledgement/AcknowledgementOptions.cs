using Warning.Engine.Alerts;
using Warning.Engine.Audience;

namespace Warning.Engine.Acknowledgement;

/// <summary>The 叫应 policy: which levels need an answer, how long to wait, and how to escalate.</summary>
public sealed class AcknowledgementOptions
{
    public const string SectionName = "Warning:Acknowledgement";

    /// <summary>Whether published versions start 叫应 at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Levels whose versions must be answered. Default: Orange and Red (design.md §1).</summary>
    public WarningLevel[] Levels { get; set; } = [WarningLevel.Orange, WarningLevel.Red];

    /// <summary>How long each step waits for an answer before the next. Default: 10 minutes.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Steps after the first contact, in order. Default: second channel, deputy, supervisor.</summary>
    public EscalationStep[] Escalation { get; set; } = [EscalationStep.SecondChannel, EscalationStep.Deputy, EscalationStep.Supervisor];

    /// <summary>The channel of the first contact. Default: "sms" (reply "1" or the code).</summary>
    public string FirstChannel { get; set; } = AudienceChannels.Sms;

    /// <summary>The channel of the second-channel step. Default: "wechat" (a confirmation link).</summary>
    public string SecondChannel { get; set; } = AudienceChannels.WeChat;

    /// <summary>Where links point: the public address of the console. Default: http://127.0.0.1:5080.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public bool Applies(WarningMessage version)
    {
        ArgumentNullException.ThrowIfNull(version);
        // Test and System versions never reach officials as work; a Cancel ends the duty instead of starting one.
        if (!Enabled || version.MsgType == MessageType.Cancel || version.Status is not (AlertStatus.Actual or AlertStatus.Exercise))
        {
            return false;
        }
        var level = version.Infos.Select(i => i.Level).Max();
        return level is { } l && Levels.Contains(l);
    }
}
