namespace Warning.Engine.Audience;

/// <summary>One CSV row being parsed: its fields by column name and the problems found so far.</summary>
internal sealed class RowContext(CsvColumns columns, List<string> fields, int line, DirectoryBuilder builder)
{
    public DirectoryBuilder Builder => builder;

    public List<CsvRowError> Errors { get; } = [];

    public string this[string column] => columns.Get(fields, column);

    public string Required(string column, string chineseName)
    {
        var value = this[column];
        if (value.Length == 0)
        {
            Fail(column, $"缺少{chineseName}", $"{column} is missing");
        }
        return value;
    }

    public void Fail(string column, string chinese, string english) => Errors.Add(new(line, column, chinese, english));
}
