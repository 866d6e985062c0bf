namespace Warning.Engine.Acknowledgement;

/// <summary>One message an escalation step sends: a person, a channel and the address there.</summary>
public readonly record struct EscalationTarget(string PersonId, string Channel, string Address);
