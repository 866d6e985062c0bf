using System.Collections.Frozen;

namespace Warning.Engine.Alerts;

/// <summary>
/// The event types a bureau issues warnings for, keyed by GB/T 35561 code. The class digits (11 natural
/// disaster, 12 accident, 13 public health, 14 social security) and the letter groups follow GB/T 35561-2017;
/// 11B01 typhoon, 11B03 rainstorm and 11B06 gale are confirmed by real 12379 messages. The full normative
/// table was not available to us (shared/reference/warning-standards.md §2.1): check the remaining codes
/// against the purchased standard before relying on them in exchange with other platforms.
/// </summary>
public static class EventTypeCatalogue
{
    private static readonly EventTypeInfo[] Entries =
    [
        new("11A01", "洪水", "Flood", EventClass.NaturalDisaster, CapCategory.Met),
        new("11A02", "内涝", "Urban waterlogging", EventClass.NaturalDisaster, CapCategory.Met),
        new("11A03", "水库重大险情", "Reservoir danger", EventClass.NaturalDisaster, CapCategory.Infra),
        new("11A04", "堤防重大险情", "Levee danger", EventClass.NaturalDisaster, CapCategory.Infra),
        new("11A06", "山洪", "Flash flood", EventClass.NaturalDisaster, CapCategory.Met),
        new("11A07", "干旱", "Drought", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B01", "台风", "Typhoon", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B02", "龙卷风", "Tornado", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B03", "暴雨", "Rainstorm", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B04", "暴雪", "Snowstorm", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B05", "寒潮", "Cold wave", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B06", "大风", "Gale", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B07", "沙尘暴", "Sandstorm", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B09", "高温", "High temperature", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B14", "雷电", "Lightning", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B15", "冰雹", "Hail", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B16", "霜冻", "Frost", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B17", "大雾", "Heavy fog", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B19", "霾", "Haze", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B21", "道路结冰", "Road icing", EventClass.NaturalDisaster, CapCategory.Met),
        new("11B25", "森林火险", "Forest fire danger", EventClass.NaturalDisaster, CapCategory.Fire),
        new("11C01", "地震", "Earthquake", EventClass.NaturalDisaster, CapCategory.Geo),
        new("11D01", "崩塌", "Rockfall", EventClass.NaturalDisaster, CapCategory.Geo),
        new("11D02", "滑坡", "Landslide", EventClass.NaturalDisaster, CapCategory.Geo),
        new("11D03", "泥石流", "Debris flow", EventClass.NaturalDisaster, CapCategory.Geo),
        new("11D04", "地面塌陷", "Ground collapse", EventClass.NaturalDisaster, CapCategory.Geo),
        new("11D99", "地质灾害", "Geological hazard", EventClass.NaturalDisaster, CapCategory.Geo),
        new("11G01", "森林火灾", "Forest fire", EventClass.NaturalDisaster, CapCategory.Fire),
        new("11G02", "草原火灾", "Grassland fire", EventClass.NaturalDisaster, CapCategory.Fire),
        new("12A01", "矿山事故", "Mining accident", EventClass.Accident, CapCategory.Safety),
        new("12A02", "危险化学品事故", "Hazardous chemicals accident", EventClass.Accident, CapCategory.CBRNE),
        new("12A03", "火灾", "Fire", EventClass.Accident, CapCategory.Fire),
        new("12B01", "道路交通事故", "Road traffic accident", EventClass.Accident, CapCategory.Transport),
        new("12B99", "交通运输事故", "Transport accident", EventClass.Accident, CapCategory.Transport),
        new("12C01", "供水事故", "Water supply failure", EventClass.Accident, CapCategory.Infra),
        new("12C02", "供电事故", "Power failure", EventClass.Accident, CapCategory.Infra),
        new("12D01", "核与辐射事故", "Nuclear or radiation accident", EventClass.Accident, CapCategory.CBRNE),
        new("12E01", "环境污染", "Environmental pollution", EventClass.Accident, CapCategory.Env),
        new("13A01", "传染病疫情", "Infectious disease outbreak", EventClass.PublicHealth, CapCategory.Health),
        new("13C01", "食品安全事件", "Food safety incident", EventClass.PublicHealth, CapCategory.Health),
        new("13D01", "动物疫情", "Animal epidemic", EventClass.PublicHealth, CapCategory.Health),
        new("14A01", "社会安全事件", "Public security incident", EventClass.SocialSecurity, CapCategory.Security),
    ];

    private static readonly FrozenDictionary<string, EventTypeInfo> ByCode =
        Entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<EventTypeInfo> All => Entries;

    public static bool TryGet(string? code, out EventTypeInfo info)
    {
        if (code is not null && ByCode.TryGetValue(code, out var found))
        {
            info = found;
            return true;
        }
        info = null!;
        return false;
    }

    /// <summary>The type with this Chinese name (暴雨 → 11B03), for messages that name the event but carry no code.</summary>
    public static EventTypeInfo? FindByChineseName(string? name) =>
        name is null ? null : Entries.FirstOrDefault(e => e.ChineseName == name);
}
