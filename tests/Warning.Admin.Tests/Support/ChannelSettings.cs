namespace Warning.Admin.Tests.Support;

/// <summary>Host settings that keep only some channels (sandboxed) and turn the others off.</summary>
internal static class ChannelSettings
{
    /// <summary>The configuration key of each channel under Warning:Channels, by channel name.</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["sms"] = "Sms",
        ["led"] = "Led",
        ["broadcast"] = "Broadcast",
        ["broadcast-platform"] = "BroadcastPlatform",
        ["wechat"] = "WeChat",
        ["wecom"] = "WeCom",
        ["wecom-robot"] = "WeComRobot",
        ["email"] = "Email",
        ["webhook"] = "Webhook",
    };

    /// <summary><c>Warning:Channels:{X}:Adapter = none</c> for every channel not in <paramref name="sandboxed"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> OnlySandbox(params string[] sandboxed) =>
        Keys.Where(k => !sandboxed.Contains(k.Key)).Select(k => KeyValuePair.Create($"Warning:Channels:{k.Value}:Adapter", "none"));

    /// <summary>Adds <see cref="OnlySandbox"/> to <paramref name="settings"/> and returns it.</summary>
    public static Dictionary<string, string> WithOnlySandbox(this Dictionary<string, string> settings, params string[] sandboxed)
    {
        foreach (var (key, value) in OnlySandbox(sandboxed))
        {
            settings[key] = value;
        }
        return settings;
    }
}
