namespace Warning.Channels.Led;

/// <summary>
/// What a sign shows at once: <paramref name="Lines"/> lines of <paramref name="CharsPerLine"/> full-width (CJK)
/// characters. Half-width characters (ASCII digits, Latin letters) take half a cell, as in the 16×16 / 8×16 fonts of
/// sign controllers: a 192×32 sign is 2 lines × 12 characters, or 24 digits a line.
/// </summary>
public readonly record struct LedGeometry(int Lines, int CharsPerLine)
{
    /// <summary>Line width in half-width columns.</summary>
    public int Columns => CharsPerLine * 2;

    public bool IsUsable => Lines > 0 && CharsPerLine > 0;
}
