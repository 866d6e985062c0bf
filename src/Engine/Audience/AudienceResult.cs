namespace Warning.Engine.Audience;

/// <summary>
/// The recipients a query matched on one channel, each once, in directory area order. Zero is a legitimate
/// answer the caller must check: a warning that reaches nobody is not published (<see cref="IsEmpty"/>).
/// </summary>
public sealed class AudienceResult(long directoryVersion, string channel, int[] recipients)
{
    /// <summary>The directory snapshot the indexes belong to.</summary>
    public long DirectoryVersion { get; } = directoryVersion;

    public string Channel { get; } = channel;

    /// <summary>Dense recipient indexes (see <see cref="RecipientDirectory"/>), without duplicates.</summary>
    public IReadOnlyList<int> Recipients => recipients;

    public ReadOnlyMemory<int> Memory => recipients;

    public int Count => recipients.Length;

    public bool IsEmpty => recipients.Length == 0;
}
