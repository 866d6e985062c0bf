using Warning.Engine.Alerts;

namespace Warning.Admin.Web;

/// <summary>
/// The per-event template of the draft form: the event types offered and their default instructions (防御指南),
/// worded after the public guidance that met and emergency services publish with their warnings.
/// </summary>
public static class EventTemplates
{
    private const string General = "请密切关注预警信息，做好防范准备，服从当地政府和有关部门的指挥，必要时及时转移避险。";

    private static readonly Dictionary<string, string> Instructions = new(StringComparer.Ordinal)
    {
        ["11B03"] = "停止集会、停课、停业（除特殊行业外）；做好山洪、滑坡、泥石流等灾害的防御和抢险工作；低洼、危旧房屋人员及时转移。",
        ["11B01"] = "停止室内外大型集会和高空等户外危险作业；居民切勿随意外出，确保老人小孩留在家中安全地方；加固门窗，危险地带人员撤离。",
        ["11B06"] = "停止露天集体活动和高空作业；切断危险电源；妥善安置易受大风影响的室外物品，人员尽量减少外出。",
        ["11B09"] = "避免在高温时段进行户外活动；注意防暑降温，对老、弱、病、幼人群提供防暑降温指导。",
        ["11B14"] = "人员留在室内并关好门窗；户外人员躲入有防雷设施的建筑物内；切断危险电源，不要在树下、电杆下停留。",
        ["11B15"] = "户外行人立即到安全地方暂避；驱赶家禽、牲畜进入有顶篷的场所；妥善保护易受冰雹袭击的汽车等室外物品。",
        ["11B17"] = "驾驶人员注意雾的变化，小心驾驶；机场、高速公路、轮渡码头等采取措施保障交通安全。",
        ["11B05"] = "注意添衣保暖，做好防寒防冻工作；农业、畜牧业做好防寒措施。",
        ["11A06"] = "山洪易发区人员立即转移到安全地带；不要涉水过河，远离河道、沟谷。",
        ["11A02"] = "低洼地区人员及时转移；车辆绕行积水路段，切勿涉水行驶；地下空间做好防倒灌措施。",
        ["11D99"] = "地质灾害隐患点人员立即撤离；避开陡坡、沟谷等危险区域，发现险情及时报告。",
        ["11B25"] = "严禁野外用火；林区人员注意防火，发现火情立即报告。",
    };

    /// <summary>The event types the form offers first (the ones a district bureau issues most), then the rest.</summary>
    public static IEnumerable<EventTypeInfo> Offered()
    {
        string[] first = ["11B03", "11B01", "11B06", "11B14", "11B09", "11B15", "11B17", "11B05", "11A06", "11A02", "11D99", "11B25"];
        var all = EventTypeCatalogue.All;
        return first.Select(c => all.First(e => e.Code == c)).Concat(all.Where(e => !first.Contains(e.Code)));
    }

    public static string DefaultInstruction(string? eventType) =>
        eventType is not null && Instructions.TryGetValue(eventType, out var text) ? text : General;
}
