using System.Globalization;
using System.Text;
using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>
/// Streams people, devices or endpoints from CSV into a <see cref="DirectoryBuilder"/>, row by row (nothing is
/// buffered whole). Every row is checked; good rows go in, bad rows are reported with line, column and reason in
/// Chinese and English. People columns: id, name, phone, openid, email, wecom_userid, language, area, lat, lon,
/// groups (separated by ';'), roles (responsible/责任人, deputy/副责任人, grid/网格员), deputy (id), optout
/// (channels, ';'). Device columns: id, kind (led/broadcast), area, lat, lon, led_lines, led_chars.
/// Endpoint columns: id, channel (broadcast-platform/wecom-robot/webhook), address (robot or subscriber name;
/// area codes for broadcast-platform, where empty means the area itself), name, area, lat, lon, groups,
/// subareas (yes: warnings for parts of the area reach it too).
/// </summary>
public static partial class DirectoryCsvImporter
{
    /// <summary>At most this many row errors are listed; the rest are only counted.</summary>
    public const int MaxReportedErrors = 10_000;

    private static readonly char[] ListSeparators = [';', '|'];

    public static CsvImportReport ImportPeople(Stream csv, DirectoryBuilder builder, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(csv ?? throw new ArgumentNullException(nameof(csv)), Encoding.UTF8, true, 65536, leaveOpen: true);
        return ImportPeople(reader, builder, cancellationToken);
    }

    public static CsvImportReport ImportDevices(Stream csv, DirectoryBuilder builder, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(csv ?? throw new ArgumentNullException(nameof(csv)), Encoding.UTF8, true, 65536, leaveOpen: true);
        return ImportDevices(reader, builder, cancellationToken);
    }

    public static CsvImportReport ImportEndpoints(Stream csv, DirectoryBuilder builder, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(csv ?? throw new ArgumentNullException(nameof(csv)), Encoding.UTF8, true, 65536, leaveOpen: true);
        return ImportEndpoints(reader, builder, cancellationToken);
    }

    public static CsvImportReport ImportPeople(TextReader csv, DirectoryBuilder builder, CancellationToken cancellationToken = default) =>
        Import(csv, builder, ["id", "area"], ParsePerson, cancellationToken);

    public static CsvImportReport ImportDevices(TextReader csv, DirectoryBuilder builder, CancellationToken cancellationToken = default) =>
        Import(csv, builder, ["id", "kind", "area"], ParseDevice, cancellationToken);

    public static CsvImportReport ImportEndpoints(TextReader csv, DirectoryBuilder builder, CancellationToken cancellationToken = default) =>
        Import(csv, builder, ["id", "channel", "area"], ParseEndpoint, cancellationToken);

    private static CsvImportReport Import(TextReader csv, DirectoryBuilder builder, string[] required,
        Func<RowContext, IDirectoryEntry?> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(builder);
        var rows = new CsvRowReader(csv);
        var fields = new List<string>();
        var errors = new List<CsvRowError>();
        if (!rows.TryReadRow(fields))
        {
            return new CsvImportReport(0, 0, [new(1, "header", "文件为空", "the file is empty")]);
        }
        var columns = new CsvColumns([.. fields]);
        var missing = columns.Missing(required).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing);
            return new CsvImportReport(0, 0, [new(1, names, $"缺少列 {names}", $"missing column(s) {names}")]);
        }
        int imported = 0, rejected = 0;
        while (rows.TryReadRow(fields))
        {
            if ((imported + rejected) % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var row = new RowContext(columns, fields, rows.RowLine, builder);
            if (rows.RowUnterminated)
            {
                row.Fail("row", "引号未闭合", "unterminated quoted field");
            }
            var entry = parse(row);
            if (entry is not null && row.Errors.Count == 0 && !builder.TryAdd(entry, out _, out var refused))
            {
                row.Fail(refused!.Field, refused.Chinese, refused.English);
            }
            if (row.Errors.Count == 0)
            {
                imported++;
                continue;
            }
            rejected++;
            errors.AddRange(row.Errors.Take(MaxReportedErrors - errors.Count));
        }
        return new CsvImportReport(imported, rejected, errors);
    }

    private static GeoPoint? ParseLocation(RowContext row)
    {
        string lat = row["lat"], lon = row["lon"];
        if (lat.Length == 0 && lon.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || latitude is < -90 or > 90)
        {
            row.Fail("lat", $"纬度无效: {lat}", $"latitude is not a number in [-90, 90]: {lat}");
            return null;
        }
        if (!decimal.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            || longitude is < -180 or > 180)
        {
            row.Fail("lon", $"经度无效: {lon}", $"longitude is not a number in [-180, 180]: {lon}");
            return null;
        }
        return new GeoPoint(latitude, longitude);
    }

    private static ValueList<string> ParseList(string text, ValueList<string> whenEmpty) =>
        text.Length == 0
            ? whenEmpty
            : text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToValueList();
}
