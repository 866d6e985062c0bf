using Warning.Engine.Alerts;

namespace Warning.Engine.Audience;

/// <summary>One channel a version uses, the groups it addresses there (empty: everyone), and whether opt-outs count.</summary>
public sealed record ChannelPlan(string Channel, ValueList<string> Groups, bool IgnoreOptOuts);
