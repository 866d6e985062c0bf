using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>A person who can receive warnings. Channels without an address are simply unavailable.</summary>
public sealed record Person : IDirectoryEntry
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Mainland mobile number, 11 digits (^1[3-9]\d{9}$).</summary>
    public string? Phone { get; init; }

    public string? WeChatOpenId { get; init; }

    /// <summary>E-mail address (ASCII, see <see cref="DirectoryRules.IsEmailAddress"/>).</summary>
    public string? Email { get; init; }

    /// <summary>WeCom (企业微信) member userid, for officials on the bureau's WeCom; see <see cref="DirectoryRules.IsWeComUserId"/>.</summary>
    public string? WeComUserId { get; init; }

    /// <summary>Preferred language tag; picks the warning's info block in that language when there is one.</summary>
    public string Language { get; init; } = "zh-CN";

    public required string AreaCode { get; init; }

    public GeoPoint? Location { get; init; }

    public ValueList<string> Groups { get; init; } = GroupCatalogue.PublicOnly;

    public PersonRoles Roles { get; init; }

    /// <summary>Id of this person's deputy (for a 责任人); see <see cref="RecipientDirectory.DeputyOf"/>.</summary>
    public string? DeputyId { get; init; }

    /// <summary>Channels this person declined; a level at or above the policy's override level ignores them.</summary>
    public ValueList<string> OptedOutChannels { get; init; } = [];
}
