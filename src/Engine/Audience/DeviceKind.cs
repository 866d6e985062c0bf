namespace Warning.Engine.Audience;

/// <summary>Kinds of public warning devices; each kind is reached on one channel.</summary>
public enum DeviceKind
{
    /// <summary>LED display sign, channel "led".</summary>
    LedSign = 1,

    /// <summary>Broadcast loudspeaker terminal (应急广播), channel "broadcast".</summary>
    BroadcastTerminal = 2,
}
