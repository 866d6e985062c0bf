using Warning.Engine.Alerts;

namespace Warning.Engine.Lifecycle;

/// <summary>
/// One version of a warning thread (Alert, Update or Cancel) and its sign-off history. Only its
/// <see cref="WarningThread"/> changes it, and never after it is published.
/// </summary>
public sealed class WarningVersion
{
    private readonly List<VersionTransition> _history = [];

    internal WarningVersion(WarningMessage content, VersionTransition drafted)
    {
        Content = content;
        DraftedBy = drafted.Actor;
        _history.Add(drafted);
    }

    /// <summary>The version's identifier (the message identifier).</summary>
    public string Id => Content.Identifier;

    /// <summary>Alert (first release), Update or Cancel.</summary>
    public MessageType Kind => Content.MsgType;

    public WarningMessage Content { get; private set; }

    public VersionState State { get; private set; } = VersionState.Draft;

    public string DraftedBy { get; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public IReadOnlyList<VersionTransition> History => _history;

    /// <summary>The highest level over the version's info blocks; null when none carries one.</summary>
    public WarningLevel? Level => Content.Infos.Select(i => i.Level).Max();

    public bool IsEditable => State is VersionState.Draft or VersionState.Rejected;

    internal static WarningVersion Restore(VersionSnapshot snapshot)
    {
        if (snapshot.History.Count == 0)
        {
            throw new ArgumentException($"Version {snapshot.Content.Identifier} has no history; a stored version starts with its draft.");
        }
        var version = new WarningVersion(snapshot.Content, snapshot.History[0])
        {
            State = snapshot.State,
            ApprovedBy = snapshot.ApprovedBy,
            PublishedAt = snapshot.PublishedAt,
        };
        version._history.AddRange(snapshot.History.Skip(1));
        return version;
    }

    internal void Replace(WarningMessage content, VersionTransition transition)
    {
        Content = content;
        _history.Add(transition);
    }

    internal void AppendHistory(VersionTransition transition) => _history.Add(transition);

    internal void MoveTo(VersionState state, VersionTransition transition)
    {
        State = state;
        _history.Add(transition);
        if (state == VersionState.Approved)
        {
            ApprovedBy = transition.Actor;
        }
        else if (state == VersionState.Published)
        {
            PublishedAt = transition.At;
        }
    }
}
