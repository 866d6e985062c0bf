using Microsoft.AspNetCore.Antiforgery;
using Warning.Admin.Accounts;

namespace Warning.Admin.Api;

/// <summary>
/// A browser that is signed in sends its cookie with any request, so an API call that changes something and comes
/// with the cookie must also carry the antiforgery header (X-CSRF-Token). API-key clients send no cookie and need none.
/// </summary>
internal static class CookieCsrf
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        if (!safe && !http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "缺少或无效的防伪令牌（X-CSRF-Token）。",
                    type: "urn:warning:csrf");
            }
        }
        return await next(context);
    }
}
