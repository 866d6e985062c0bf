namespace Warning.Channels.Mqtt;

/// <summary>One command ready to publish: where its result goes (<paramref name="Slot"/> in the batch) and its bytes.</summary>
internal readonly record struct DeviceMessage(int Slot, int Recipient, string Topic, string MsgId, byte[] Payload, uint ExpirySeconds);
