using System.Globalization;
using Warning.Engine.Alerts;

namespace Warning.Engine.Triggers;

/// <summary>Fills a rule's description template with the reading that triggered it (times in China Standard Time).</summary>
public static class TriggerText
{
    public static string Render(string template, Reading reading, WarningLevel level)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(reading);
        return template
            .Replace("{station}", reading.StationId, StringComparison.Ordinal)
            .Replace("{measure}", reading.Measure, StringComparison.Ordinal)
            .Replace("{value}", reading.Value.ToString("0.##", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{level}", level.ChineseColour(), StringComparison.Ordinal)
            .Replace("{observed}", reading.ObservedAt.ToOffset(TimeSpan.FromHours(8)).ToString("MM月dd日HH:mm", CultureInfo.InvariantCulture),
                StringComparison.Ordinal);
    }
}
