using System.Globalization;
using System.Text;

namespace Warning.Engine.Persistence;

/// <summary>
/// Writes deliveries as CSV (RFC 4180) row by row as they stream from the store: memory stays flat whatever
/// the size. UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese text right; a value
/// that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
/// </summary>
public static class DeliveryCsvExporter
{
    private const string Header =
        "version_id,recipient_id,channel,area_code,state,provider_message_id,created_at,claimed_at,submitted_at,completed_at,detail";

    public static async Task<long> WriteAsync(IAsyncEnumerable<DeliveryView> deliveries, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(destination);
        var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            writer.NewLine = "\r\n";
            await writer.WriteLineAsync(Header.AsMemory(), cancellationToken).ConfigureAwait(false);
            var count = 0L;
            var line = new StringBuilder(256);
            await foreach (var d in deliveries.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                line.Clear();
                Field(line, d.VersionId).Append(',');
                Field(line, d.RecipientId).Append(',');
                Field(line, d.Channel).Append(',');
                Field(line, d.AreaCode).Append(',');
                Field(line, d.State.ToString()).Append(',');
                Field(line, d.ProviderMessageId).Append(',');
                Field(line, Time(d.CreatedAtMs)).Append(',');
                Field(line, Time(d.ClaimedAtMs)).Append(',');
                Field(line, Time(d.SubmittedAtMs)).Append(',');
                Field(line, Time(d.CompletedAtMs)).Append(',');
                Field(line, d.Detail);
                await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
                count++;
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    private static string? Time(long? ms) =>
        ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : null;

    private static StringBuilder Field(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return line;
        }

        var guarded = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        if (guarded.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return line.Append(guarded);
        }

        return line.Append('"').Append(guarded.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
