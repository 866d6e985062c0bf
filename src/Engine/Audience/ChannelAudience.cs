namespace Warning.Engine.Audience;

/// <summary>One channel's recipients and its text (text in the version's first language; see <see cref="ChannelText"/>).</summary>
public sealed record ChannelAudience(string Channel, AudienceResult Recipients, ChannelText Text);
