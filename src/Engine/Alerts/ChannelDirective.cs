namespace Warning.Engine.Alerts;

/// <summary>
/// One channel chosen for a version (12379 <c>code/method</c>): its name, its own text (null = use the
/// description), and the groups and people it addresses on that channel.
/// </summary>
public sealed record ChannelDirective(
    string Channel,
    string? Message,
    ValueList<string> AudienceGroups,
    ValueList<string> AudiencePersons)
{
    public ChannelDirective(string channel, string? message = null)
        : this(channel, message, [], [])
    {
    }
}
