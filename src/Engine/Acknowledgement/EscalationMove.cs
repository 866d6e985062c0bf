namespace Warning.Engine.Acknowledgement;

/// <summary>The step to take next and the messages it sends; <see cref="Targets"/> is never empty.</summary>
public sealed record EscalationMove(EscalationStep Step, IReadOnlyList<EscalationTarget> Targets);
