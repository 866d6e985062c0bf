namespace Warning.Peers.Devices;

/// <summary>The actions of the command JSON and the status a device acknowledges each with.</summary>
internal static class DeviceActions
{
    public const string Show = "show";
    public const string Play = "play";
    public const string Clear = "clear";
    public const string Stop = "stop";

    public const string Failed = "failed";

    public static bool Starts(string action) => action is Show or Play;

    public static bool Ends(string action) => action is Clear or Stop;

    /// <summary>The gateway turns shown/played/cleared/stopped into a Delivered receipt and "failed" into a Failed one.</summary>
    public static string DoneStatus(string action) => action switch
    {
        Show => "shown",
        Play => "played",
        Clear => "cleared",
        Stop => "stopped",
        _ => Failed,
    };
}
