namespace Warning.Engine.Alerts;

/// <summary>
/// A link to an earlier version: CAP writes it as "sender,identifier,sent"; 12379 writes only the
/// identifier of the thread's first release, so <see cref="Sender"/> and <see cref="Sent"/> may be unknown.
/// </summary>
public sealed record MessageReference(string? Sender, string Identifier, DateTimeOffset? Sent);
