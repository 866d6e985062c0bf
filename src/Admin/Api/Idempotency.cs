using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Warning.Engine.Persistence;

namespace Warning.Admin.Api;

/// <summary>
/// The Idempotency-Key header on create and publish: the first request with a key runs and its answer is stored
/// with a hash of the request; the same key with the same request replays that answer; the same key with another
/// request is refused with 422. Keys are per caller and per operation. A refused request frees its key.
/// </summary>
internal sealed class Idempotency(IAccountStore store, TimeProvider timeProvider, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string HeaderName = "Idempotency-Key";

    public async Task<IResult> RunAsync(HttpContext context, string operation, byte[] body, Func<Task<(int Status, object Value)>> run)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            var (status, value) = await run();
            return Results.Json(value, json.Value.SerializerOptions, statusCode: status);
        }
        if (key.Length > 200)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key 过长（最多 200 个字符）。");
        }
        var caller = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var scopeKey = $"{caller}|{operation}|{key}";
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(operation + "\n"), .. body]));
        var existing = await store.TryReserveIdempotencyAsync(scopeKey, hash, timeProvider.GetUtcNow(), context.RequestAborted);
        if (existing is not null)
        {
            if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "该 Idempotency-Key 已用于另一个不同的请求。", type: "urn:warning:idempotency:mismatch");
            }
            if (existing.StatusCode == 0)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。", type: "urn:warning:idempotency:in-progress");
            }
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Text(existing.Response ?? "null", "application/json; charset=utf-8", Encoding.UTF8, existing.StatusCode);
        }
        try
        {
            var (status, value) = await run();
            var text = JsonSerializer.Serialize(value, json.Value.SerializerOptions);
            await store.CompleteIdempotencyAsync(scopeKey, status, text, CancellationToken.None);
            return Results.Text(text, "application/json; charset=utf-8", Encoding.UTF8, status);
        }
        catch
        {
            // Nothing was answered: free the key so that the client can retry with it.
            await store.ReleaseIdempotencyAsync(scopeKey, CancellationToken.None);
            throw;
        }
    }
}
