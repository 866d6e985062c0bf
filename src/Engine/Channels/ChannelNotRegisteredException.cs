namespace Warning.Engine.Channels;

/// <summary>A warning asked for a channel that no adapter in this host serves.</summary>
public sealed class ChannelNotRegisteredException : InvalidOperationException
{
    /// <summary>Creates the exception without a message.</summary>
    public ChannelNotRegisteredException()
    {
    }

    /// <summary>Creates the exception with a message naming the channel.</summary>
    public ChannelNotRegisteredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ChannelNotRegisteredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
