using System.Globalization;

namespace Warning.Admin.Web;

/// <summary>
/// The page language (zh-CN by default, English by the "lang" cookie) and Beijing time. Texts stay next to each
/// other in the views (<c>Ui.T("预警", "Warnings")</c>) so that no translation can go missing.
/// </summary>
public sealed class Ui(IHttpContextAccessor accessor)
{
    public const string CookieName = "lang";

    /// <summary>China has one zone and no daylight saving: a fixed offset needs no tz database.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public bool English => string.Equals(accessor.HttpContext?.Request.Cookies[CookieName], "en", StringComparison.Ordinal);

    public string Lang => English ? "en" : "zh-CN";

    public string T(string chinese, string english) => English ? english : chinese;

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(BeijingOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string TimeMs(long? ms) => ms is { } value ? Time(DateTimeOffset.FromUnixTimeMilliseconds(value)) : "—";
}
