namespace Warning.Engine.Audience;

/// <summary>A rejected CSV row: its physical line (1-based, the header is line 1), the column, and why.</summary>
public sealed record CsvRowError(int Line, string Column, string Chinese, string English)
{
    public override string ToString() => $"line {Line}, {Column}: {English} / {Chinese}";
}
