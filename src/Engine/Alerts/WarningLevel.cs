namespace Warning.Engine.Alerts;

/// <summary>
/// The four colour levels of Chinese warnings. The numeric value grows with severity, so
/// <c>level &gt;= WarningLevel.Orange</c> reads as "Orange or Red". Grade I is Red, IV is Blue.
/// </summary>
public enum WarningLevel
{
    Blue = 1,
    Yellow = 2,
    Orange = 3,
    Red = 4,
}
