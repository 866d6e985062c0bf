namespace Warning.Engine.Hosting;

/// <summary>Configuration keys other projects read next to the engine's own options.</summary>
public static class WarningEngineKeys
{
    /// <summary>The section every channel's adapter choice and options live under: <c>Warning:Channels:{Channel}</c>.</summary>
    public const string Channels = "Warning:Channels";

    /// <summary>The Redis every node shares (empty: one node, in-process state).</summary>
    public const string Redis = "Warning:Redis";
}
