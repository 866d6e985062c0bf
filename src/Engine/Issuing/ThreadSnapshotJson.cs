using System.Text.Json;
using System.Text.Json.Serialization;
using Warning.Engine.Codecs;
using Warning.Engine.Lifecycle;

namespace Warning.Engine.Issuing;

/// <summary>
/// Stores a <see cref="ThreadSnapshot"/> as JSON with each version's content as CAP 1.2 XML: the codec is the one
/// place that already round-trips every field of a warning (property-tested), so no second mapping can drift.
/// </summary>
internal static class ThreadSnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    internal static string Write(ThreadSnapshot snapshot) => JsonSerializer.Serialize(new StoredThread(
        snapshot.State,
        snapshot.Versions.Select(v => new StoredVersion(CapWriter.Write(v.Content), v.State, v.DraftedBy, v.ApprovedBy,
            v.PublishedAt, [.. v.History])).ToList()), Options);

    internal static ThreadSnapshot Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredThread>(json, Options)
            ?? throw new InvalidDataException("An empty workflow snapshot.");
        return new ThreadSnapshot(stored.State, stored.Versions.Select(v =>
        {
            var read = CapReader.Read(v.Cap);
            var content = read.Message ?? throw new InvalidDataException(
                $"A stored version cannot be read back: {string.Join("; ", read.Errors.Select(e => e.Message))}");
            return new VersionSnapshot(content, v.State, v.DraftedBy, v.ApprovedBy, v.PublishedAt, v.History);
        }).ToList());
    }

    private sealed record StoredThread(WarningThreadState State, List<StoredVersion> Versions);

    private sealed record StoredVersion(string Cap, VersionState State, string DraftedBy, string? ApprovedBy,
        DateTimeOffset? PublishedAt, List<VersionTransition> History);
}
