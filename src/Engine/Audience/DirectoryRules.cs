using System.Text.RegularExpressions;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>Field rules shared by the directory builder and the CSV importer, so both refuse the same things.</summary>
public static partial class DirectoryRules
{
    /// <summary>Mainland China mobile numbers: 11 digits, 1 then 3–9.</summary>
    public static bool IsMobileNumber(string? phone) => phone is not null && MobilePattern().IsMatch(phone);

    /// <summary>
    /// An ASCII e-mail address an SMTP server takes as it is: dot-atom local part (at most 64 characters), a host
    /// name with at least one dot, at most 254 characters in all. Quoted local parts, IP literals and non-ASCII
    /// addresses are refused: directory data with them is far likelier a typing error than a real mailbox.
    /// </summary>
    public static bool IsEmailAddress(string? email) =>
        email is { Length: <= 254 } && email.IndexOf('@', StringComparison.Ordinal) is > 0 and <= 64 && EmailPattern().IsMatch(email);

    /// <summary>WeCom's rule for a member userid: 1–64 of letters, digits and _-@., starting with a letter or digit.</summary>
    public static bool IsWeComUserId(string? userId) => userId is not null && WeComUserIdPattern().IsMatch(userId);

    /// <summary>
    /// A robot or webhook subscriber name: 1–64 of ASCII letters, digits and _-., starting with a letter or digit.
    /// It is a key under the adapter's configuration section, where ':' would start a new section and anything
    /// outside ASCII could not be set from an environment variable.
    /// </summary>
    public static bool IsEndpointName(string? name) => name is not null && EndpointNamePattern().IsMatch(name);

    /// <summary>
    /// A broadcast-platform address for an entry of <paramref name="areaCode"/>: comma-separated 6-, 9- or 12-digit
    /// codes, each inside that area, so that a warning for the area never sounds somewhere else.
    /// </summary>
    public static bool IsBroadcastRegion(string? address, string areaCode)
    {
        ArgumentNullException.ThrowIfNull(areaCode);
        if (string.IsNullOrWhiteSpace(address) || !AdminCodes.IsWellFormed(areaCode))
        {
            return false;
        }
        var prefix = AdminCodes.TargetPrefix(areaCode);
        return address.Split(',', StringSplitOptions.TrimEntries)
            .All(code => AdminCodes.IsWellFormed(code) && code.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static bool IsValidLocation(GeoPoint point) => point.IsValid;

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_@.-]{0,63}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WeComUserIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EndpointNamePattern();

    internal static DirectoryError? Check(IDirectoryEntry entry, Func<string, bool> areaKnown, GroupCatalogue groups)
    {
        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            return new("id", "缺少编号", "id is missing");
        }
        if (!areaKnown(entry.AreaCode))
        {
            return new("area", $"未知的行政区划代码 {entry.AreaCode}", $"unknown area code {entry.AreaCode}");
        }
        if (entry.Location is { } location && !location.IsValid)
        {
            return new("lat", "坐标超出范围", "coordinates out of range");
        }
        if (!groups.TryGetMask(entry.Groups, out _, out var unknown))
        {
            return new("groups", $"未知的群组 {unknown}", $"unknown group {unknown}");
        }
        return entry switch
        {
            Person p when p.Phone is not null && !IsMobileNumber(p.Phone) =>
                new("phone", "手机号码格式错误", "not a mainland mobile number"),
            Person p when p.Email is not null && !IsEmailAddress(p.Email) =>
                new("email", "电子邮箱格式错误", "not an e-mail address"),
            Person p when p.WeComUserId is not null && !IsWeComUserId(p.WeComUserId) =>
                new("wecom_userid", "企业微信账号格式错误", "not a WeCom userid"),
            Person p when p.OptedOutChannels.Any(c => !AudienceChannels.IsKnown(c)) =>
                new("optout", "未知的渠道", "unknown channel"),
            Device d when !Enum.IsDefined(d.Kind) => new("kind", "未知的设备类型", "unknown device kind"),
            Device d when d.LedLines < 0 || d.LedCharsPerLine < 0 =>
                new("led_lines", "屏幕尺寸无效", "invalid LED size"),
            Endpoint e => CheckEndpoint(e),
            _ => null,
        };
    }

    private static DirectoryError? CheckEndpoint(Endpoint endpoint)
    {
        if (!AudienceChannels.IsEndpointChannel(endpoint.Channel))
        {
            var channels = string.Join(", ", AudienceChannels.EndpointChannels);
            return new("channel", $"渠道 {endpoint.Channel} 不能用于接收端（应为 {channels}）",
                $"channel '{endpoint.Channel}' is not an endpoint channel ({channels})");
        }
        if (string.Equals(endpoint.Channel, AudienceChannels.BroadcastPlatform, StringComparison.OrdinalIgnoreCase))
        {
            return IsBroadcastRegion(endpoint.Address, endpoint.AreaCode) ? null
                : new("address", $"广播区域应为 {endpoint.AreaCode} 之内的行政区划代码: {endpoint.Address}",
                    $"a broadcast region is area codes inside {endpoint.AreaCode}: {endpoint.Address}");
        }
        return IsEndpointName(endpoint.Address) ? null
            : new("address", $"名称只能由字母、数字和 _-. 组成（至多 64 个）: {endpoint.Address}",
                $"a robot or subscriber name is 1–64 ASCII letters, digits, _-. : {endpoint.Address}");
    }
}
