namespace Warning.Engine.Audience;

/// <summary>
/// Where a recipient is reached on a channel: a phone number for SMS, an openid for WeChat, a userid for WeCom,
/// an e-mail address, a device id for LED and broadcast, a configured name for a WeCom robot or a webhook
/// subscriber, area codes for the broadcast platform. Recipients are dense, stable directory indexes. Implemented
/// by the directory snapshot.
/// </summary>
public interface IRecipientAddressBook
{
    /// <summary>The address of <paramref name="recipient"/> on <paramref name="channel"/>, or false when it has none.</summary>
    bool TryGetAddress(int recipient, string channel, out string address);
}
