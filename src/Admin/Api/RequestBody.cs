using System.Text.Json;
using Microsoft.Extensions.Options;
using Warning.Admin.Endpoints;
using Warning.Engine.Alerts;
using Warning.Engine.Codecs;
using Warning.Engine.Issuing;

namespace Warning.Admin.Api;

/// <summary>
/// A warning in a request body: a JSON <see cref="WarningDraft"/> that the composer completes, or a whole CAP 1.2
/// or 12379 document (Content-Type application/xml, application/cap+xml or text/xml) taken as it is.
/// </summary>
internal sealed class RequestBody(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const int MaxBytes = XmlBody.MaxBytes;

    public static bool IsXml(HttpRequest request) =>
        request.ContentType is { } type && (type.Contains("xml", StringComparison.OrdinalIgnoreCase));

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new IssuingException(IssuingError.InvalidContent, $"请求体超过 {MaxBytes:N0} 字节的上限。");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            throw new IssuingException(IssuingError.InvalidContent, $"请求体超过 {MaxBytes:N0} 字节的上限。");
        }
        return buffer.ToArray();
    }

    public T Json<T>(byte[] body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, json.Value.SerializerOptions)
                ?? throw new IssuingException(IssuingError.InvalidContent, "请求体为空。");
        }
        catch (JsonException e)
        {
            throw new IssuingException(IssuingError.InvalidContent, "请求体不是有效的 JSON：" + e.Message);
        }
    }

    public static WarningMessage Xml(byte[] body)
    {
        using var stream = new MemoryStream(body);
        var result = WarningXml.Read(stream);
        if (!result.IsValid)
        {
            throw new IssuingException(IssuingError.InvalidContent, "预警报文不符合 CAP 1.2 / 12379 标准：" + result.Errors.First().Message,
                [.. result.Errors.Select(e => $"{e.Path}: {e.Message}")]);
        }
        return result.Message!;
    }
}
