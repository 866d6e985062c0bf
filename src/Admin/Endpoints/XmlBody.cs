using Warning.Engine.Codecs;

namespace Warning.Admin.Endpoints;

/// <summary>Reads a request body of warning XML, refusing anything over the codec's size limit before parsing.</summary>
internal static class XmlBody
{
    public const int MaxBytes = (int)SafeXml.DefaultMaxCharacters * 4;

    public static async Task<ReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return ReadResult.Failed(null, new ValidationIssue("/", IssueCodes.MalformedXml,
                "The request body is empty; send a CAP 1.2 or 12379 XML document."));
        }
        buffer.Position = 0;
        return WarningXml.Read(buffer);
    }

    private static ReadResult TooLarge() => ReadResult.Failed(null, new ValidationIssue("/", IssueCodes.TooLarge,
        $"The request body is larger than the limit of {MaxBytes:N0} bytes."));
}
