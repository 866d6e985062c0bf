namespace Warning.Engine.Issuing;

/// <summary>
/// An issuing department (发布单位). <see cref="SenderCode"/> is its 14-digit GB/T 35965.1 code, which also seeds
/// the identifiers of the warnings it issues; <see cref="Sender"/> is what CAP's sender carries.
/// </summary>
public sealed record Department(string Id, string Name, string SenderCode, string Sender, Jurisdiction Jurisdiction);
