namespace Warning.Engine.Audience;

/// <summary>
/// What an import did: rows taken in, rows refused, and the reasons (every problem of a refused row, up to
/// <see cref="DirectoryCsvImporter.MaxReportedErrors"/>; <see cref="Rejected"/> counts them all).
/// </summary>
public sealed record CsvImportReport(int Imported, int Rejected, IReadOnlyList<CsvRowError> Errors)
{
    public bool HasErrors => Rejected > 0 || Errors.Count > 0;
}
