namespace Warning.Admin.Readings;

/// <summary>Remembers signatures already used, for as long as their timestamp would still be accepted.</summary>
public interface IReplayGuard
{
    /// <summary>True the first time <paramref name="signature"/> is seen within <paramref name="lifetime"/>; false for a replay.</summary>
    ValueTask<bool> TryFirstUseAsync(string signature, TimeSpan lifetime, CancellationToken cancellationToken);
}
