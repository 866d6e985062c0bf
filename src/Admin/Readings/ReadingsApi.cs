using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Warning.Admin.Accounts;
using Warning.Engine.Persistence;
using Warning.Engine.Triggers;

namespace Warning.Admin.Readings;

/// <summary>
/// <c>POST /api/readings</c>: monitoring systems post one reading or a batch. Authenticated twice: the API key
/// (scope readings:write) says who, an HMAC-SHA256 signature over timestamp and body (per-key secret) proves the
/// body is theirs and fresh; timestamps beyond ±5 minutes and signatures already used are refused. Every refusal
/// of a known key goes into the action log (unknown keys are answered 401 by authentication and not logged, so that
/// anyone on the network cannot grow the tamper-evident log).
/// </summary>
internal static class ReadingsApi
{
    public static IEndpointRouteBuilder MapReadingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/readings").WithTags("Readings");
        group.MapPost("/", PostAsync).RequireAuthorization(ApiScopes.ReadingsWrite)
            .WithSummary("提交监测读数（单条或批量，HMAC 签名）/ post monitoring readings (one or a batch, HMAC-signed)")
            .Accepts<ReadingDto[]>("application/json").ProducesProblem(401).ProducesProblem(409);
        group.MapGet("/keys/{keyId}/secret", SecretAsync).RequireAuthorization(ApiScopes.DirectoryWrite)
            .WithSummary("查看某 API 密钥的签名密钥（管理员）/ a key's signing secret (administrators)");
        return app;
    }

    private static async Task<IResult> PostAsync(HttpContext context, TriggerService triggers, IReplayGuard replays, IAuditStore audit,
        IOptions<ReadingsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var keyId = context.User.FindFirstValue(ConsoleClaims.ApiKey);
        if (keyId is null)
        {
            return ReadingRejection.NotApiKey.ToProblem();
        }
        var source = "apikey:" + keyId;
        var (body, rejection) = await ReadBodyAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        rejection ??= await CheckSignatureAsync(context.Request, body, keyId, settings, replays, time, cancellationToken);
        IReadOnlyList<Reading> readings = [];
        if (rejection is null)
        {
            (readings, rejection) = Parse(body, settings.MaxBatch);
        }
        if (rejection is not null)
        {
            await audit.AppendActionAsync(source, "readings-rejected", "/api/readings",
                $"error={rejection.Code}; timestamp={context.Request.Headers[ReadingSignature.TimestampHeader]}; bytes={body.Length}",
                time.GetUtcNow(), cancellationToken);
            return rejection.ToProblem();
        }
        var outcomes = await triggers.IngestAsync(readings, source, cancellationToken);
        return Results.Ok(new { accepted = readings.Count, outcomes });
    }

    private static async Task<(byte[] Body, ReadingRejection? Rejection)> ReadBodyAsync(HttpRequest request, int limit,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return ([], ReadingRejection.TooLarge);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return ([], ReadingRejection.TooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    private static async Task<ReadingRejection?> CheckSignatureAsync(HttpRequest request, byte[] body, string keyId,
        ReadingsOptions settings, IReplayGuard replays, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(settings.SigningKey))
        {
            return ReadingRejection.NotConfigured;
        }
        var timestamp = request.Headers[ReadingSignature.TimestampHeader].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return ReadingRejection.MissingTimestamp;
        }
        var offset = DateTimeOffset.FromUnixTimeSeconds(seconds) - time.GetUtcNow();
        if (offset.Duration() > settings.ClockSkew)
        {
            return ReadingRejection.StaleTimestamp;
        }
        var signature = request.Headers[ReadingSignature.SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            return ReadingRejection.MissingSignature;
        }
        if (!ReadingSignature.Verify(ReadingSignature.SecretFor(settings.SigningKey, keyId), timestamp, body, signature))
        {
            return ReadingRejection.BadSignature;
        }
        // Only a valid signature is remembered, for as long as its timestamp could still pass: twice the skew.
        var token = keyId + ":" + signature.ToLowerInvariant();
        return await replays.TryFirstUseAsync(token, settings.ClockSkew * 2, cancellationToken) ? null : ReadingRejection.Replayed;
    }

    private static (IReadOnlyList<Reading>, ReadingRejection?) Parse(byte[] body, int maxBatch)
    {
        List<ReadingDto>? dtos;
        try
        {
            using var document = JsonDocument.Parse(body);
            dtos = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.RootElement.Deserialize<List<ReadingDto>>(JsonSerializerOptions.Web),
                JsonValueKind.Object => [document.RootElement.Deserialize<ReadingDto>(JsonSerializerOptions.Web)!],
                _ => null,
            };
        }
        catch (JsonException e)
        {
            return ([], ReadingRejection.BadBody(e.Message));
        }
        if (dtos is null || dtos.Count == 0)
        {
            return ([], ReadingRejection.BadBody("需要一个读数对象或读数数组 / expected a reading object or an array of readings"));
        }
        if (dtos.Count > maxBatch)
        {
            return ([], ReadingRejection.BadBody($"一次最多 {maxBatch} 条 / at most {maxBatch} readings per batch"));
        }
        var readings = new List<Reading>(dtos.Count);
        for (var i = 0; i < dtos.Count; i++)
        {
            var (reading, problem) = dtos[i].ToReading(i);
            if (problem is not null)
            {
                return ([], ReadingRejection.BadBody(problem));
            }
            readings.Add(reading!);
        }
        return (readings, null);
    }

    private static IResult SecretAsync(string keyId, IOptions<ReadingsOptions> options) =>
        string.IsNullOrEmpty(options.Value.SigningKey)
            ? ReadingRejection.NotConfigured.ToProblem()
            : Results.Ok(new { keyId, secret = ReadingSignature.SecretFor(options.Value.SigningKey, keyId) });
}
