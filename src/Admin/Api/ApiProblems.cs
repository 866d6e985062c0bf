using Warning.Admin.Contracts;
using Warning.Engine.Issuing;

namespace Warning.Admin.Api;

/// <summary>Every refusal of the issuing service becomes RFC 9457 problem details with the status its kind means.</summary>
internal static class ApiProblems
{
    public static IResult From(IssuingException e) => Results.Problem(
        statusCode: IssuingErrorStatus.Of(e.Error),
        title: e.Message,
        type: $"urn:warning:issuing:{e.Error}",
        extensions: new Dictionary<string, object?>
        {
            ["error"] = e.Error.ToString(),
            ["details"] = e.Details,
            ["rule"] = e.Rule?.ToString(),
        });

    /// <summary>Catches <see cref="IssuingException"/> on every endpoint of a group.</summary>
    public static RouteGroupBuilder WithIssuingProblems(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (IssuingException e)
            {
                return From(e);
            }
        });
        return group;
    }
}
