namespace Warning.Engine.Alerts;

/// <summary>A CAP valueName / value pair (eventCode, parameter, geocode).</summary>
public sealed record NamedValue(string Name, string Value);
