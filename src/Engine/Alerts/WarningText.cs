namespace Warning.Engine.Alerts;

/// <summary>
/// The words a warning is released with: the headline formula and the exercise / test mark that every
/// text of a non-Actual version carries, on every channel, so a drill is never mistaken for the real thing.
/// </summary>
public static class WarningText
{
    public const string ExerciseMark = "【演练】";
    public const string TestMark = "【测试】";

    /// <summary>"【演练】" for Exercise, "【测试】" for Test, System and Draft; empty for Actual.</summary>
    public static string StatusMark(AlertStatus status) => status switch
    {
        AlertStatus.Actual => string.Empty,
        AlertStatus.Exercise => ExerciseMark,
        _ => TestMark,
    };

    /// <summary>The 12379 headline formula: "{department}发布{event}{colour}预警", or 解除 for a Cancel.</summary>
    public static string Headline(string department, string eventName, WarningLevel level, MessageType msgType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var verb = msgType == MessageType.Cancel ? "解除" : "发布";
        return $"{department}{verb}{eventName}{level.ChineseColour()}预警";
    }

    /// <summary>
    /// The text a channel sends: its own text when the version gives one, else the description (or the
    /// headline), always prefixed with the status mark when the version is not Actual.
    /// </summary>
    public static string ForChannel(WarningMessage message, string channel)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var own = message.Channels
            .FirstOrDefault(c => string.Equals(c.Channel, channel, StringComparison.OrdinalIgnoreCase))?.Message;
        var info = message.Infos.Count > 0 ? message.Infos[0] : null;
        var body = own ?? info?.Description ?? info?.Headline ?? string.Empty;
        var mark = StatusMark(message.Status);
        return body.StartsWith(mark, StringComparison.Ordinal) ? body : mark + body;
    }
}
