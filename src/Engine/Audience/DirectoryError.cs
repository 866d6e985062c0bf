namespace Warning.Engine.Audience;

/// <summary>Why the directory refused an entry: the field at fault and the reason in Chinese and English.</summary>
public sealed record DirectoryError(string Field, string Chinese, string English)
{
    public override string ToString() => $"{Field}: {English} ({Chinese})";
}
