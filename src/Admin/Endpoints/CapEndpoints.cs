using Warning.Admin.Contracts;
using Warning.Engine.Codecs;

namespace Warning.Admin.Endpoints;

/// <summary>
/// <c>POST /api/cap/validate</c>: CAP (1.0–1.2) or 12379 XML in, the parsed warning or its issues out.
/// <c>POST /api/cap/convert?to=cap|12379</c>: one dialect to the other (default: the one it is not).
/// </summary>
internal static class CapEndpoints
{
    public static IEndpointRouteBuilder MapCapEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cap");
        group.MapPost("/validate", ValidateAsync);
        group.MapPost("/convert", ConvertAsync);
        return app;
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await XmlBody.ReadAsync(request, cancellationToken);
        var response = ValidationResponse.From(result);
        return result.Errors.Any(e => e.Code == IssueCodes.TooLarge)
            ? Results.Json(response, statusCode: StatusCodes.Status413PayloadTooLarge)
            : Results.Ok(response);
    }

    private static async Task<IResult> ConvertAsync(HttpRequest request, string? to, CancellationToken cancellationToken)
    {
        WarningDialect? target = to?.ToLowerInvariant() switch
        {
            null or "" => null,
            "cap" or "cap12" or "cap1.2" => WarningDialect.Cap12,
            "12379" or "gb" or "gb12379" => WarningDialect.Gb12379,
            _ => (WarningDialect)(-1),
        };
        if (target == (WarningDialect)(-1))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown target dialect",
                detail: $"'to' must be 'cap' or '12379', not '{to}'.");
        }
        var result = await XmlBody.ReadAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            var status = result.Errors.Any(e => e.Code == IssueCodes.TooLarge)
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status422UnprocessableEntity;
            return Results.Json(ValidationResponse.From(result), statusCode: status);
        }
        var dialect = target ?? (result.Dialect == WarningDialect.Gb12379 ? WarningDialect.Cap12 : WarningDialect.Gb12379);
        var output = WarningXml.Write(result.Message!, dialect);
        // A foreign CAP message may lack what 12379 requires (an eventType code, a colour level): read the output
        // back, and refuse with the reasons rather than hand out a document the other side will reject.
        var check = WarningXml.Read(output);
        return check.IsValid
            ? Results.Text(output, "application/xml; charset=utf-8")
            : Results.Json(ValidationResponse.From(check), statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
