namespace Warning.Channels.Smpp.Codec;

/// <summary>SMPP 3.4 command ids (§5.1.2.1) of the PDUs an ESME sends or answers. A response is the request's id | 0x80000000.</summary>
internal static class SmppCommand
{
    public const uint ResponseBit = 0x8000_0000;
    public const uint GenericNack = 0x8000_0000;
    public const uint SubmitSm = 0x0000_0004;
    public const uint SubmitSmResp = 0x8000_0004;
    public const uint DeliverSm = 0x0000_0005;
    public const uint DeliverSmResp = 0x8000_0005;
    public const uint Unbind = 0x0000_0006;
    public const uint UnbindResp = 0x8000_0006;
    public const uint BindTransceiver = 0x0000_0009;
    public const uint BindTransceiverResp = 0x8000_0009;
    public const uint EnquireLink = 0x0000_0015;
    public const uint EnquireLinkResp = 0x8000_0015;

    public static bool IsResponse(uint commandId) => (commandId & ResponseBit) != 0;

    public static string Name(uint commandId) => commandId switch
    {
        GenericNack => "generic_nack",
        SubmitSm => "submit_sm",
        SubmitSmResp => "submit_sm_resp",
        DeliverSm => "deliver_sm",
        DeliverSmResp => "deliver_sm_resp",
        Unbind => "unbind",
        UnbindResp => "unbind_resp",
        BindTransceiver => "bind_transceiver",
        BindTransceiverResp => "bind_transceiver_resp",
        EnquireLink => "enquire_link",
        EnquireLinkResp => "enquire_link_resp",
        _ => $"0x{commandId:x8}",
    };
}
