namespace Warning.Engine.Triggers;

/// <summary>What a rule does with the warning it raises or updates.</summary>
public enum TriggerMode
{
    /// <summary>Drafts and submits it; a person signs it off (审核签发) as any other warning.</summary>
    DraftForSignOff,

    /// <summary>
    /// Publishes at once, signed off by the standing pre-authorisation of <see cref="TriggerRule.AuthorisedBy"/>.
    /// Lowering and cancelling still go to sign-off (see <see cref="TriggerService"/>).
    /// </summary>
    PublishDirectly,
}
