using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Warning.Channels.Mqtt;

/// <summary>
/// The MQTT broker that LED signs and broadcast terminals listen on, shared by the "led" and "broadcast" channels.
/// Topic scheme and payloads: <see cref="MqttTopics"/> and <see cref="DeviceCommand"/>.
/// </summary>
public sealed class MqttGatewayOptions
{
    public const string SectionName = "Warning:Mqtt";

    /// <summary>Broker host. Default: 127.0.0.1.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port. Default: 1883.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Our client id. It must differ between engine nodes (the broker drops the older of two clients with one id)
    /// and stay the same across restarts of a node, so its persistent session keeps the acknowledgements that
    /// arrive while it is away. Default: "warning-" and the machine name.
    /// </summary>
    [Required]
    public string ClientId { get; set; } = "warning-" + Environment.MachineName;

    /// <summary>Broker user, from a configuration provider. Default: none (anonymous).</summary>
    public string? UserName { get; set; }

    /// <summary>Broker password, from a configuration provider, never from config/*.json. Default: none.</summary>
    public string? Password { get; set; }

    /// <summary>First topic level. Default: "ews".</summary>
    [Required]
    public string TopicRoot { get; set; } = "ews";

    /// <summary>Second topic level: the district's GB/T 2260 code, so several districts can share one broker.</summary>
    [Required]
    public string District { get; set; } = "000000";

    /// <summary>How long a connect or a PUBACK may take before the attempt counts as failed. Default: 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a failed connect, sends fail fast (TransientFailure) for this long instead of each trying again; the
    /// background reconnect runs at the same pace. Default: 2 s.
    /// </summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// QoS 1 publishes in flight at once (awaiting their PUBACK): keep it at or below the broker's receive maximum
    /// (mosquitto's max_inflight_messages, 20 unless configured). Default: 20.
    /// </summary>
    [Range(1, 65535)]
    public int MaxInflight { get; set; } = 20;

    /// <summary>How long the broker keeps our session (and the acknowledgements queued in it) while we are away. Default: 1 h.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// MQTT 5 shared-subscription group for acknowledgements, so each acknowledgement reaches one engine node.
    /// Empty subscribes every node to every acknowledgement. Default: "warning".
    /// </summary>
    public string? AckShareGroup { get; set; } = "warning";

    /// <summary>Message expiry of a show or play command whose warning has no expiry time. Default: 6 h.</summary>
    public TimeSpan DefaultMessageExpiry { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Message expiry of a clear or stop command. Default: 24 h.</summary>
    public TimeSpan ClearMessageExpiry { get; set; } = TimeSpan.FromHours(24);
}

[OptionsValidator]
internal sealed partial class MqttGatewayOptionsValidator : IValidateOptions<MqttGatewayOptions>
{
}
