using System.Globalization;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

public static partial class DemoDistrict
{
    private static readonly ValueList<string> OfficialGroups = [GroupCatalogue.Officials];
    private static readonly ValueList<string> GridGroups = [GroupCatalogue.Public, GroupCatalogue.GridWorkers];
    private static readonly ValueList<string> SchoolGroups = [GroupCatalogue.Public, GroupCatalogue.Schools];
    private static readonly ValueList<string> SafetyGroups = [GroupCatalogue.Public, GroupCatalogue.EnterpriseSafety];
    private static readonly ValueList<string> RescueGroups = [GroupCatalogue.Public, GroupCatalogue.RescueTeams];
    private static readonly ValueList<string> VolunteerGroups = [GroupCatalogue.Public, GroupCatalogue.Volunteers];
    private static readonly ValueList<string> NoWeChat = [AudienceChannels.WeChat];
    private static readonly ValueList<string> NoSms = [AudienceChannels.Sms];

    /// <summary>A 责任人 and a deputy for the district, every street and every community: returns how many people.</summary>
    private static int AddOfficials(DirectoryBuilder builder, List<Area> communities)
    {
        var areas = new List<Area> { new(DistrictCode, DistrictName) };
        areas.AddRange(StreetNames.Select((name, s) => new Area(StreetCode(s), name)));
        areas.AddRange(communities);
        var serial = 0;
        foreach (var area in areas)
        {
            var deputyId = $"OFF-{area.Code}-2";
            builder.Add(Official($"OFF-{area.Code}-1", area, PersonRoles.ResponsibleOfficial, deputyId, serial++));
            builder.Add(Official(deputyId, area, PersonRoles.Deputy, null, serial++));
        }
        foreach (var community in communities)
        {
            for (var g = 1; g <= 2; g++)
            {
                builder.Add(new Person
                {
                    Id = $"GRID-{community.Code}-{g}",
                    Phone = Phone(900_000_000 + serial++, 9),
                    AreaCode = community.Code,
                    Groups = GridGroups,
                    Roles = PersonRoles.GridWorker,
                });
            }
        }
        return serial;
    }

    private static string StreetCode(int s) =>
        DistrictCode + (s >= 12 ? 400 + s - 12 : s + 1).ToString("000", CultureInfo.InvariantCulture);

    private static Person Official(string id, Area area, PersonRoles role, string? deputy, int serial) => new()
    {
        Id = id,
        Name = role == PersonRoles.ResponsibleOfficial ? $"{area.Name}责任人" : $"{area.Name}副责任人",
        Phone = Phone(900_000_000 + serial, 9),
        WeChatOpenId = OpenId(900_000_000 + serial),
        Email = id.ToLowerInvariant() + "@" + OfficialMailDomain,
        WeComUserId = id.ToLowerInvariant(),
        AreaCode = area.Code,
        Groups = OfficialGroups,
        Roles = role,
        DeputyId = deputy,
    };

    // extras draws the fields added after the first version (e-mail) from a sequence of its own, so that every
    // earlier field of a seed's district stays as it was (tests and saved demo data name those people).
    private static void AddPublic(DirectoryBuilder builder, Random random, Random extras, List<Area> communities, int count)
    {
        var weights = communities.Select(_ => 0.5 + random.NextDouble()).ToArray();
        var total = weights.Sum();
        var placed = 0;
        for (var c = 0; c < communities.Count && placed < count; c++)
        {
            var share = c == communities.Count - 1 ? count - placed : (int)Math.Round(count * weights[c] / total);
            share = Math.Min(share, count - placed);
            for (var i = 0; i < share; i++, placed++)
            {
                var email = extras.NextDouble() < PublicEmailShare ? PublicEmail(placed) : null;
                builder.Add(Resident(placed, communities[c], random, email));
            }
        }
    }

    private static Person Resident(int serial, Area community, Random random, string? email)
    {
        var roll = random.NextDouble();
        return new Person
        {
            Id = "P" + serial.ToString("D7", CultureInfo.InvariantCulture),
            Phone = random.NextDouble() < 0.92 ? Phone(serial, random.Next(3, 10)) : null,
            WeChatOpenId = random.NextDouble() < 0.65 ? OpenId(serial) : null,
            Email = email,
            Language = roll < 0.95 ? "zh-CN" : roll < 0.98 ? "yue" : "en",
            AreaCode = community.Code,
            Location = random.NextDouble() < 0.97 ? PointIn(community, random) : null,
            Groups = random.NextDouble() switch
            {
                < 0.003 => SchoolGroups,
                < 0.008 => SafetyGroups,
                < 0.009 => RescueGroups,
                < 0.019 => VolunteerGroups,
                _ => GroupCatalogue.PublicOnly,
            },
            OptedOutChannels = random.NextDouble() switch
            {
                < 0.02 => NoWeChat,
                < 0.025 => NoSms,
                _ => [],
            },
        };
    }

    /// <summary>Unique per serial below 10⁹: the multiplier is odd and not a multiple of 5, so it permutes mod 10⁹.</summary>
    private static string Phone(int serial, int secondDigit)
    {
        var suffix = (long)serial * 2_654_435_761L % 1_000_000_000L;
        return "1" + (char)('0' + secondDigit) + suffix.ToString("D9", CultureInfo.InvariantCulture);
    }

    private static string PublicEmail(int serial) =>
        "p" + serial.ToString("D7", CultureInfo.InvariantCulture) + "@" + PublicMailDomain;

    private static string OpenId(int serial) =>
        "oDemo" + ((long)serial * 40_503L % 10_000_000_000L).ToString("D10", CultureInfo.InvariantCulture) + "qLnX7RmA2bKc9";
}
