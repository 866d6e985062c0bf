using Warning.Peers.BroadcastPlatform;
using Warning.Peers.Devices;
using Warning.Peers.WeChat;

namespace Warning.Peers;

/// <summary>The "Peers" configuration section (command line: <c>--Peers:Devices:District=440106</c>).</summary>
internal sealed class PeersOptions
{
    public const string SectionName = "Peers";

    /// <summary>Where Kestrel listens. Default: <see cref="PeersDefaults.Url"/>.</summary>
    public string Url { get; set; } = PeersDefaults.Url;

    public DeviceSimulatorOptions Devices { get; set; } = new();

    public WeChatStandInOptions WeChat { get; set; } = new();

    public WeComStandInOptions WeCom { get; set; } = new();

    public RobotStandInOptions Robots { get; set; } = new();

    public BroadcastPlatformStandInOptions BroadcastPlatform { get; set; } = new();
}
