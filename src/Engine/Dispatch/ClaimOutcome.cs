namespace Warning.Engine.Dispatch;

/// <summary>What the ledger knew of a recipient when a dispatcher tried to claim it.</summary>
public enum ClaimOutcome : byte
{
    /// <summary>Nobody had claimed it: this dispatcher now owns the send.</summary>
    Claimed,

    /// <summary>Claimed and confirmed sent before (a re-run after a crash): skip it, it was served.</summary>
    AlreadyConfirmed,

    /// <summary>
    /// Claimed before but never confirmed: a dispatcher died between claim and confirm. Whether it was sent
    /// is unknown; the Unknown policy decides (resend for Red, skip for Blue by default).
    /// </summary>
    ClaimedNotConfirmed,
}
