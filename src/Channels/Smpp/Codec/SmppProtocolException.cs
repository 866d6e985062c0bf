namespace Warning.Channels.Smpp.Codec;

/// <summary>The peer sent bytes that are not a valid SMPP PDU; the session cannot continue and is closed.</summary>
public sealed class SmppProtocolException : Exception
{
    public SmppProtocolException()
    {
    }

    public SmppProtocolException(string message)
        : base(message)
    {
    }

    public SmppProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
