namespace Warning.Channels.Smpp;

/// <summary>The SMSC refused or did not answer bind_transceiver (wrong system_id or password, already bound …).</summary>
public sealed class SmppBindException : Exception
{
    public SmppBindException()
    {
    }

    public SmppBindException(string message)
        : base(message)
    {
    }

    public SmppBindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
