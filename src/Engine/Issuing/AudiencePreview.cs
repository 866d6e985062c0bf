namespace Warning.Engine.Issuing;

/// <summary>Recipients per channel a version would reach now, and channels the policy names that no adapter serves.</summary>
public sealed record AudiencePreview(IReadOnlyDictionary<string, int> ByChannel, IReadOnlyList<string> UnsupportedChannels)
{
    public int Total => ByChannel.Values.Sum();
}
