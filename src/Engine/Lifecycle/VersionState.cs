namespace Warning.Engine.Lifecycle;

/// <summary>
/// The sign-off workflow of one version (制作 → 审核 → 签发 → 发布):
/// Draft → Submitted → Approved → Published, with Rejected going back to editing,
/// and Withdrawn for a draft abandoned before release.
/// </summary>
public enum VersionState
{
    Draft,
    Submitted,
    Approved,
    Published,
    Rejected,
    Withdrawn,
}
