namespace Warning.Engine.Audience;

/// <summary>One reason a query cannot be resolved: a stable code and a sentence.</summary>
public sealed record AudienceProblem(string Code, string Detail)
{
    public const string UnknownArea = "area.unknown";
    public const string MalformedArea = "area.malformed";
    public const string InvalidPolygon = "polygon.invalid";
    public const string InvalidCircle = "circle.invalid";
    public const string UnknownGroup = "group.unknown";
    public const string UnknownChannel = "channel.unknown";
    public const string NoTarget = "query.noTarget";

    public override string ToString() => $"{Code}: {Detail}";
}
