using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Warning.Engine.Alerts;

namespace Warning.Channels.Broadcast;

/// <summary>Broadcast loudspeaker terminals over MQTT; the broker is <see cref="Mqtt.MqttGatewayOptions"/>.</summary>
public sealed class BroadcastChannelOptions
{
    public const string SectionName = "Warning:Channels:Broadcast";

    /// <summary>Terminals per adapter call. Default: 200.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 200;

    /// <summary>Longest text a terminal reads out (text to speech on the terminal); longer is Rejected. Default: 1000.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 1000;

    /// <summary>How many times a terminal plays a warning of each level. Default: Red 3, Orange 3, Yellow 2, Blue 1.</summary>
    public Dictionary<WarningLevel, int> Repeats { get; set; } = new()
    {
        [WarningLevel.Red] = 3,
        [WarningLevel.Orange] = 3,
        [WarningLevel.Yellow] = 2,
        [WarningLevel.Blue] = 1,
    };

    /// <summary>Plays of a warning without a level, or of a level missing from <see cref="Repeats"/>. Default: 1.</summary>
    [Range(1, 100)]
    public int DefaultRepeat { get; set; } = 1;

    internal int RepeatFor(WarningLevel? level) =>
        level is { } l && Repeats.TryGetValue(l, out var repeat) && repeat > 0 ? repeat : DefaultRepeat;
}

[OptionsValidator]
internal sealed partial class BroadcastChannelOptionsValidator : IValidateOptions<BroadcastChannelOptions>
{
}
