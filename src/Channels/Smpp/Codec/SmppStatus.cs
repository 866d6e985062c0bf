namespace Warning.Channels.Smpp.Codec;

/// <summary>SMPP 3.4 command_status values (§5.1.3) that the adapter maps or sends; values as in node-smpp's table.</summary>
internal static class SmppStatus
{
    public const uint Ok = 0x00;
    public const uint InvalidMessageLength = 0x01;
    public const uint InvalidCommandLength = 0x02;
    public const uint InvalidCommandId = 0x03;
    public const uint IncorrectBindStatus = 0x04;
    public const uint AlreadyBound = 0x05;
    public const uint SystemError = 0x08;
    public const uint InvalidSourceAddress = 0x0A;
    public const uint InvalidDestinationAddress = 0x0B;
    public const uint BindFailed = 0x0D;
    public const uint InvalidPassword = 0x0E;
    public const uint InvalidSystemId = 0x0F;
    public const uint MessageQueueFull = 0x14;
    public const uint SubmitFailed = 0x45;
    public const uint InvalidDestinationTon = 0x50;
    public const uint InvalidDestinationNpi = 0x51;
    public const uint Throttled = 0x58;
    public const uint TemporaryAppError = 0x64;
    public const uint PermanentAppError = 0x65;
    public const uint RejectedAppError = 0x66;
    public const uint UnknownError = 0xFF;

    /// <summary>The provider asks us to slow down: resend later, through the rate limiter.</summary>
    public static bool IsThrottling(uint status) => status is MessageQueueFull or Throttled;

    /// <summary>Worth a resend as is: the SMSC had a passing problem (or thinks we are not bound yet).</summary>
    public static bool IsTransient(uint status) =>
        IsThrottling(status) || status is SystemError or IncorrectBindStatus or TemporaryAppError or UnknownError;

    /// <summary>The recipient's address is refused: resending the same message to it cannot help.</summary>
    public static bool IsRecipientRejected(uint status) =>
        status is InvalidDestinationAddress or InvalidDestinationTon or InvalidDestinationNpi or RejectedAppError;

    public static string Describe(uint status) => status switch
    {
        Ok => "ESME_ROK",
        InvalidMessageLength => "ESME_RINVMSGLEN",
        InvalidCommandLength => "ESME_RINVCMDLEN",
        InvalidCommandId => "ESME_RINVCMDID",
        IncorrectBindStatus => "ESME_RINVBNDSTS",
        AlreadyBound => "ESME_RALYBND",
        SystemError => "ESME_RSYSERR",
        InvalidSourceAddress => "ESME_RINVSRCADR",
        InvalidDestinationAddress => "ESME_RINVDSTADR",
        BindFailed => "ESME_RBINDFAIL",
        InvalidPassword => "ESME_RINVPASWD",
        InvalidSystemId => "ESME_RINVSYSID",
        MessageQueueFull => "ESME_RMSGQFUL",
        SubmitFailed => "ESME_RSUBMITFAIL",
        InvalidDestinationTon => "ESME_RINVDSTTON",
        InvalidDestinationNpi => "ESME_RINVDSTNPI",
        Throttled => "ESME_RTHROTTLED",
        TemporaryAppError => "ESME_RX_T_APPN",
        PermanentAppError => "ESME_RX_P_APPN",
        RejectedAppError => "ESME_RX_R_APPN",
        UnknownError => "ESME_RUNKNOWNERR",
        _ => "ESME_0x" + status.ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"0x58 ESME_RTHROTTLED": the form result details and logs use.</summary>
    public static string Format(uint status) =>
        "0x" + status.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + " " + Describe(status);
}
