namespace Warning.Engine.Persistence;

public sealed record PersonRecord(
    string Id,
    string Name,
    string? Phone = null,
    string? WeChatOpenId = null,
    string? Language = null,
    string? HomeAreaCode = null,
    string? Location = null,
    string? Roles = null,
    string? DeputyId = null);
