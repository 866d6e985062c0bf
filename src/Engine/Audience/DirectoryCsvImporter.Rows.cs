using System.Globalization;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

public static partial class DirectoryCsvImporter
{
    private static Person? ParsePerson(RowContext row)
    {
        var id = row.Required("id", "编号");
        var area = CheckArea(row);
        var phone = row["phone"];
        if (phone.Length > 0 && !DirectoryRules.IsMobileNumber(phone))
        {
            row.Fail("phone", $"手机号码格式错误: {phone}", $"not a mainland mobile number: {phone}");
        }
        var email = row["email"];
        if (email.Length > 0 && !DirectoryRules.IsEmailAddress(email))
        {
            row.Fail("email", $"电子邮箱格式错误: {email}", $"not an e-mail address: {email}");
        }
        var weComUserId = row["wecom_userid"];
        if (weComUserId.Length > 0 && !DirectoryRules.IsWeComUserId(weComUserId))
        {
            row.Fail("wecom_userid", $"企业微信账号应为 1–64 个字母、数字或 _-@.，以字母或数字开头: {weComUserId}",
                $"a WeCom userid is 1–64 letters, digits or _-@. starting with a letter or digit: {weComUserId}");
        }
        var location = ParseLocation(row);
        var groups = ParseGroups(row);
        var optOuts = ParseList(row["optout"], []);
        foreach (var channel in optOuts.Where(c => !AudienceChannels.IsKnown(c)))
        {
            row.Fail("optout", $"未知的渠道: {channel}", $"unknown channel: {channel}");
        }
        var roles = PersonRoles.None;
        foreach (var role in ParseList(row["roles"], []))
        {
            roles |= role.ToLowerInvariant() switch
            {
                "responsible" or "责任人" => PersonRoles.ResponsibleOfficial,
                "deputy" or "副责任人" => PersonRoles.Deputy,
                "grid" or "网格员" => PersonRoles.GridWorker,
                _ => Unknown<PersonRoles>(row, "roles", role),
            };
        }
        var openId = row["openid"];
        var language = row["language"];
        var name = row["name"];
        var deputy = row["deputy"];
        return row.Errors.Count > 0 ? null : new Person
        {
            Id = id,
            Name = name.Length > 0 ? name : null,
            Phone = phone.Length > 0 ? phone : null,
            WeChatOpenId = openId.Length > 0 ? openId : null,
            Email = email.Length > 0 ? email : null,
            WeComUserId = weComUserId.Length > 0 ? weComUserId : null,
            Language = language.Length > 0 ? language : "zh-CN",
            AreaCode = area,
            Location = location,
            Groups = groups,
            Roles = roles,
            DeputyId = deputy.Length > 0 ? deputy : null,
            OptedOutChannels = optOuts,
        };
    }

    private static Device? ParseDevice(RowContext row)
    {
        var id = row.Required("id", "编号");
        var area = CheckArea(row);
        var kind = row["kind"].ToLowerInvariant() switch
        {
            "led" or "led-sign" or "显示屏" => DeviceKind.LedSign,
            "broadcast" or "广播" => DeviceKind.BroadcastTerminal,
            var other => Unknown<DeviceKind>(row, "kind", other),
        };
        var location = ParseLocation(row);
        var lines = Count(row, "led_lines");
        var chars = Count(row, "led_chars");
        return row.Errors.Count > 0 ? null : new Device
        {
            Id = id,
            Kind = kind,
            AreaCode = area,
            Location = location,
            LedLines = lines,
            LedCharsPerLine = chars,
        };
    }

    private static ValueList<string> ParseGroups(RowContext row)
    {
        var groups = ParseList(row["groups"], GroupCatalogue.PublicOnly);
        foreach (var group in groups.Where(g => !row.Builder.Groups.TryGetBit(g, out _)))
        {
            row.Fail("groups", $"未知的群组: {group}", $"unknown group: {group}");
        }
        return groups;
    }

    private static string CheckArea(RowContext row)
    {
        var area = row.Required("area", "行政区划代码");
        if (area.Length > 0 && !row.Builder.ContainsArea(area))
        {
            row.Fail("area", $"未知的行政区划代码: {area}", $"unknown area code: {area}");
        }
        return area;
    }

    private static int Count(RowContext row, string column)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            return 0;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 1000)
        {
            return value;
        }
        row.Fail(column, $"应为 0–1000 的整数: {text}", $"expected a whole number 0–1000: {text}");
        return 0;
    }

    private static T Unknown<T>(RowContext row, string column, string value)
        where T : struct, Enum
    {
        row.Fail(column, $"未知的取值: {value}", $"unknown value: {value}");
        return default;
    }
}
