namespace Warning.Engine.Persistence;

/// <summary>An LED sign or broadcast terminal; <see cref="Capabilities"/> is JSON (lines × characters, …).</summary>
public sealed record DeviceRecord(
    string Id, string Kind, string? AreaCode = null, string? Location = null, string? Capabilities = null);
