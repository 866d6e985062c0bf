namespace Warning.Admin.Endpoints;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (IConfiguration configuration) => Results.Ok(new
        {
            status = "ok",
            profile = configuration["Warning:Profile"],
        }));
        return app;
    }
}
