using Warning.Engine.Audience;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// The escalation state machine, free of I/O and clocks: from the step a request has reached, the next step of the
/// policy that has somebody to contact (a step with nobody, such as a deputy nobody named or a supervisor above the
/// district, is passed over), or null when the ladder has run out.
/// </summary>
public sealed class EscalationPlan(AcknowledgementOptions options)
{
    /// <summary>The first contact: the official on the first channel, or on the second when the first has no address.</summary>
    public EscalationMove? First(OfficialRoster roster, Person official)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var targets = Reach(official, options.FirstChannel);
        if (targets.Count == 0)
        {
            targets = Reach(official, options.SecondChannel);
        }
        return targets.Count > 0 ? new EscalationMove(EscalationStep.Initial, targets) : null;
    }

    /// <summary>The move after <paramref name="current"/> for the request of <paramref name="official"/>, or null.</summary>
    public EscalationMove? Next(EscalationStep current, OfficialRoster roster, Person official)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(official);
        // Steps are climbed in the configured order; the initial step sits before all of them. A step the policy no
        // longer names (changed while the request waited) ends the ladder rather than starting it again.
        var steps = options.Steps;
        var start = current == EscalationStep.Initial ? 0 : IndexOf(steps, current) + 1;
        for (var i = start; i > 0 || current == EscalationStep.Initial; i++)
        {
            if (i >= steps.Count)
            {
                break;
            }
            var step = steps[i];
            var targets = step switch
            {
                EscalationStep.SecondChannel => Reach(official, options.SecondChannel),
                EscalationStep.Deputy => ReachEverywhere(roster.DeputyOf(official)),
                EscalationStep.Supervisor => ReachEverywhere(roster.SupervisorOf(official.AreaCode)),
                _ => [],
            };
            if (targets.Count > 0)
            {
                return new EscalationMove(step, targets);
            }
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<EscalationStep> steps, EscalationStep step)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] == step)
            {
                return i;
            }
        }
        return -1;
    }

    private List<EscalationTarget> ReachEverywhere(Person? person)
    {
        if (person is null)
        {
            return [];
        }
        var targets = Reach(person, options.FirstChannel);
        if (!string.Equals(options.FirstChannel, options.SecondChannel, StringComparison.OrdinalIgnoreCase))
        {
            targets.AddRange(Reach(person, options.SecondChannel));
        }
        return targets;
    }

    private static List<EscalationTarget> Reach(Person person, string channel)
    {
        var address = RecipientAddresses.Of(person, AudienceChannels.BitOf(channel));
        return string.IsNullOrEmpty(address) ? [] : [new EscalationTarget(person.Id, channel, address)];
    }
}
