using System.Globalization;
using Warning.Engine.Alerts;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// The words officials receive. An SMS carries the reply code; a WeChat message carries the link; a drill carries
/// 【演练】 first, like every other text of an Exercise version, so nobody mistakes it for a real call.
/// </summary>
public static class AcknowledgementTexts
{
    public const string AnswerChannelSms = "sms";
    public const string AnswerChannelLink = "link";
    public const string AnswerChannelConsole = "console";

    public static string Message(AcknowledgementRequest request, EscalationStep step, string channel,
        string areaName, string? officialName, string? token, AcknowledgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var mark = request.Drill ? WarningText.ExerciseMark : string.Empty;
        var headline = request.Headline;
        var minutes = ((int)Math.Ceiling(options.AnswerWithin.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        var who = step switch
        {
            EscalationStep.Deputy => $"{officialName ?? "责任人"}未确认，请您代为确认。",
            EscalationStep.Supervisor => $"{areaName}责任人及副责任人均未确认，请您督促并确认。",
            EscalationStep.SecondChannel => "短信未获确认，再次提醒。",
            _ => string.Empty,
        };
        var answer = token is null
            ? $"请回复1或确认码{request.Code}确认收到"
            : $"请点击确认收到：{options.PublicBaseUrl.TrimEnd('/')}/ack/{token}";
        return $"{mark}【叫应】{headline}（{areaName}）。{who}{answer}，{minutes}分钟内未确认将逐级上报。";
    }

    public static string AnswerChannelName(string? channel) => channel switch
    {
        AnswerChannelSms => "短信回复",
        AnswerChannelLink => "微信链接",
        AnswerChannelConsole => "控制台",
        null => "—",
        _ => channel,
    };

    public static string StepName(EscalationStep step) => step switch
    {
        EscalationStep.Initial => "首次通知",
        EscalationStep.SecondChannel => "换渠道重发",
        EscalationStep.Deputy => "通知副责任人",
        EscalationStep.Supervisor => "上报上级责任人",
        _ => step.ToString(),
    };

    public static string StateName(AcknowledgementState state) => state switch
    {
        AcknowledgementState.Pending => "等待确认",
        AcknowledgementState.Answered => "已确认",
        AcknowledgementState.Unanswered => "未确认（已逐级上报）",
        AcknowledgementState.Closed => "已结束（版本已更新或解除）",
        _ => state.ToString(),
    };
}
