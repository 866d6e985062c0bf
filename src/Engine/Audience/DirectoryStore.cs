namespace Warning.Engine.Audience;

/// <summary>
/// Holds the current directory snapshot and swaps in the next one atomically. Readers take <see cref="Current"/>
/// once and work on that snapshot to the end (a shard resolves against one version); writers are serialised.
/// </summary>
public sealed class DirectoryStore
{
    private readonly Lock _writeLock = new();
    private RecipientDirectory _current;

    public DirectoryStore(RecipientDirectory? initial = null) => _current = initial ?? RecipientDirectory.Empty;

    public RecipientDirectory Current => Volatile.Read(ref _current);

    /// <summary>Applies <paramref name="change"/> to a copy of the current snapshot and publishes the result.</summary>
    public RecipientDirectory Update(Action<DirectoryBuilder> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_writeLock)
        {
            var builder = Current.ToBuilder();
            change(builder);
            var next = builder.Build();
            Volatile.Write(ref _current, next);
            return next;
        }
    }

    /// <summary>
    /// Publishes a directory assembled from scratch (a full import, the demo district) in place of the current
    /// one; the version still goes up by one.
    /// </summary>
    public RecipientDirectory Replace(DirectoryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        lock (_writeLock)
        {
            var next = builder.Build(Current.Version + 1);
            Volatile.Write(ref _current, next);
            return next;
        }
    }
}
