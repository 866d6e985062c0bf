namespace Warning.Engine.Channels;

/// <summary>One addressee in a batch: the dense directory index and its address on this channel.</summary>
public readonly record struct DeliveryRecipient(int Recipient, string Address);
