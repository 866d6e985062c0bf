namespace Warning.Engine.Dispatch.InProcess;

/// <summary>
/// The two bitmaps of one ledger scope, guarded by locking the instance. <see cref="Retired"/> is set (under the
/// lock) when the sweep drops the scope, so a caller that fetched it just before looks it up again.
/// </summary>
internal sealed class LedgerBitmaps
{
    private ulong[] _claimed = [];
    private ulong[] _confirmed = [];

    public long ExpiresAt { get; set; }

    public bool Retired { get; set; }

    public void Clear()
    {
        _claimed = [];
        _confirmed = [];
    }

    public ClaimOutcome Claim(int recipient)
    {
        var word = recipient >> 6;
        var mask = 1UL << (recipient & 63);
        Ensure(ref _claimed, word);
        if ((_claimed[word] & mask) == 0)
        {
            _claimed[word] |= mask;
            return ClaimOutcome.Claimed;
        }
        return word < _confirmed.Length && (_confirmed[word] & mask) != 0
            ? ClaimOutcome.AlreadyConfirmed
            : ClaimOutcome.ClaimedNotConfirmed;
    }

    public void Confirm(int recipient)
    {
        var word = recipient >> 6;
        var mask = 1UL << (recipient & 63);
        Ensure(ref _claimed, word);
        Ensure(ref _confirmed, word);
        _claimed[word] |= mask;
        _confirmed[word] |= mask;
    }

    private static void Ensure(ref ulong[] words, int word)
    {
        if (word < words.Length)
        {
            return;
        }
        var size = Math.Max(word + 1, Math.Min(words.Length * 2, Array.MaxLength));
        Array.Resize(ref words, Math.Max(size, 16));
    }
}
