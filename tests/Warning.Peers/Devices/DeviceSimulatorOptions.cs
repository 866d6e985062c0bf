namespace Warning.Peers.Devices;

/// <summary>The MQTT side: which broker, which part of the topic tree the simulated devices live in.</summary>
internal sealed class DeviceSimulatorOptions
{
    /// <summary>Off for a host that only needs the HTTP stand-ins. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    public string Host { get; set; } = PeersDefaults.MqttHost;

    public int Port { get; set; } = PeersDefaults.MqttPort;

    public string TopicRoot { get; set; } = PeersDefaults.TopicRoot;

    /// <summary>One district's devices, or "+" for every district on the broker. Default: 440199.</summary>
    public string District { get; set; } = PeersDefaults.District;

    public string ClientId { get; set; } = PeersDefaults.DeviceClientId;

    /// <summary>
    /// How long the broker keeps our session while we are away, so commands published during a restart still
    /// arrive (unless they expire first). Default: 1 h.
    /// </summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Pause between connection attempts. Default: 2 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);
}
