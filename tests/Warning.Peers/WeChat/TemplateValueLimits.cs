using System.Globalization;
using System.Text.Json.Nodes;

namespace Warning.Peers.WeChat;

/// <summary>
/// What the Official Account accepts in "data" (shared/reference/channel-protocols.md §2.1): since 2023-05-04 a
/// template keyword holds at most 20 characters and no newline; a subscription notice's limit depends on the
/// field's type, which is the name without its number ("thing1" is a thing).
/// </summary>
internal static class TemplateValueLimits
{
    private const int TemplateLimit = 20;

    /// <summary>The platform's 47003 message for the first value over its limit, or null when all fit.</summary>
    public static string? FirstProblem(JsonObject? data, bool subscription)
    {
        if (data is null || data.Count == 0)
        {
            return "argument invalid! data is empty";
        }
        foreach (var (name, field) in data)
        {
            var value = field is JsonObject f && f["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (value is null)
            {
                return $"argument invalid! data.{name}.value is missing";
            }
            var limit = subscription ? SubscriptionLimit(name) : TemplateLimit;
            if (new StringInfo(value).LengthInTextElements > limit || value.Contains('\n', StringComparison.Ordinal))
            {
                return $"argument invalid! data.{name}.value exceeds limit {limit} or has a newline";
            }
        }
        return null;
    }

    private static int SubscriptionLimit(string name) => name.TrimEnd("0123456789".ToCharArray()) switch
    {
        "number" or "letter" or "character_string" => 32,
        "symbol" => 5,
        "phone_number" => 17,
        "car_number" => 8,
        "name" => 10,
        "phrase" => 5,
        _ => TemplateLimit,
    };
}
