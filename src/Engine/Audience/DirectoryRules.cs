using System.Text.RegularExpressions;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>Field rules shared by the directory builder and the CSV importer, so both refuse the same things.</summary>
public static partial class DirectoryRules
{
    /// <summary>Mainland China mobile numbers: 11 digits, 1 then 3–9.</summary>
    public static bool IsMobileNumber(string? phone) => phone is not null && MobilePattern().IsMatch(phone);

    public static bool IsValidLocation(GeoPoint point) => point.IsValid;

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MobilePattern();

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
            Person p when p.OptedOutChannels.Any(c => !AudienceChannels.IsKnown(c)) =>
                new("optout", "未知的渠道", "unknown channel"),
            Device d when !Enum.IsDefined(d.Kind) => new("kind", "未知的设备类型", "unknown device kind"),
            Device d when d.LedLines < 0 || d.LedCharsPerLine < 0 =>
                new("led_lines", "屏幕尺寸无效", "invalid LED size"),
            _ => null,
        };
    }
}
