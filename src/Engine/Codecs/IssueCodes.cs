namespace Warning.Engine.Codecs;

/// <summary>Stable codes of <see cref="ValidationIssue"/>s, so that a console can show its own wording.</summary>
public static class IssueCodes
{
    public const string UnsafeXml = "UnsafeXml";
    public const string MalformedXml = "MalformedXml";
    public const string TooLarge = "TooLarge";
    public const string UnknownDialect = "UnknownDialect";
    public const string Schema = "Schema";
    public const string MissingElement = "MissingElement";
    public const string InvalidValue = "InvalidValue";
    public const string InvalidDateTime = "InvalidDateTime";
    public const string InvalidIdentifier = "InvalidIdentifier";
    public const string InvalidReferences = "InvalidReferences";
    public const string CircularReference = "CircularReference";
    public const string PostdatedReference = "PostdatedReference";
    public const string InvalidPolygon = "InvalidPolygon";
    public const string InvalidCircle = "InvalidCircle";
    public const string InvalidArea = "InvalidArea";
    public const string InvalidLanguage = "InvalidLanguage";
    public const string InvalidEventType = "InvalidEventType";
    public const string ScopeMismatch = "ScopeMismatch";
    public const string NotRepresentable = "NotRepresentable";
}
