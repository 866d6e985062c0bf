namespace Warning.Engine.Audience;

/// <summary>A CSV header: column name → position, case-insensitive; missing optional columns read as empty.</summary>
internal sealed class CsvColumns
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);

    public CsvColumns(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            _positions.TryAdd(header[i].Trim(), i);
        }
    }

    public IEnumerable<string> Missing(params string[] required) => required.Where(r => !_positions.ContainsKey(r));

    public string Get(IReadOnlyList<string> row, string column) =>
        _positions.TryGetValue(column, out var i) && i < row.Count ? row[i].Trim() : string.Empty;
}
