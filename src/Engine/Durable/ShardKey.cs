using System.Globalization;

namespace Warning.Engine.Durable;

/// <summary>
/// Names one shard of one version on one channel: all a job needs, since any node can rebuild the shard's
/// recipients from the stored version and the same directory snapshot (<see cref="Dispatch.WarningFanOut.Plan"/>).
/// </summary>
public sealed record ShardKey(string ThreadId, string VersionId, string Channel, int Index)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{VersionId}/{Channel}/{Index}");
}
