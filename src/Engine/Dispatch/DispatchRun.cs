using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

/// <summary>
/// The live state of one <see cref="DispatchRequest"/>: counters updated from sender loops, and a completion
/// that fires when the producer has finished and every batch it queued is done.
/// </summary>
internal sealed class DispatchRun(DispatchRequest request, TimeProvider timeProvider)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pendingBatches = 1; // the producer holds one until it has queued everything
    private int _alreadyServed, _unknownResent, _unknownSkipped, _noAddress, _rateLimited, _superseded;
    private int _fellBack;
    private int _sent, _delivered, _rejected, _failed, _unknown;
    private long _firstSendTicks = -1;

    public DispatchRequest Request { get; } = request;

    public Task Completion => _done.Task;

    public void AddBatch() => Interlocked.Increment(ref _pendingBatches);

    public void BatchDone()
    {
        if (Interlocked.Decrement(ref _pendingBatches) == 0)
        {
            _done.TrySetResult();
        }
    }

    public void MarkFirstSend() =>
        Interlocked.CompareExchange(ref _firstSendTicks, timeProvider.GetUtcNow().UtcTicks, -1);

    public void CountClaims(int alreadyServed, int unknownResent, int unknownSkipped)
    {
        Interlocked.Add(ref _alreadyServed, alreadyServed);
        Interlocked.Add(ref _unknownResent, unknownResent);
        Interlocked.Add(ref _unknownSkipped, unknownSkipped);
    }

    public void CountNoAddress(int count) => Interlocked.Add(ref _noAddress, count);

    public void CountRateLimited(int count) => Interlocked.Add(ref _rateLimited, count);

    public void CountFellBack(int count) => Interlocked.Add(ref _fellBack, count);

    public void CountSuperseded(int count) => Interlocked.Add(ref _superseded, count);

    public void CountResults(IReadOnlyList<DeliveryResult> results)
    {
        int sent = 0, delivered = 0, rejected = 0, failed = 0, unknown = 0, superseded = 0;
        foreach (var result in results)
        {
            switch (result.Status)
            {
                case DeliveryStatus.Sent: sent++; break;
                case DeliveryStatus.Delivered: delivered++; break;
                case DeliveryStatus.Rejected: rejected++; break;
                case DeliveryStatus.Unknown: unknown++; break;
                case DeliveryStatus.Skipped: superseded++; break;
                default: failed++; break;
            }
        }
        Interlocked.Add(ref _sent, sent);
        Interlocked.Add(ref _delivered, delivered);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Add(ref _failed, failed);
        Interlocked.Add(ref _unknown, unknown);
        Interlocked.Add(ref _superseded, superseded);
    }

    public DispatchSummary Summarise()
    {
        var first = Interlocked.Read(ref _firstSendTicks);
        return new DispatchSummary
        {
            VersionId = Request.Content.VersionId,
            Channel = Request.Channel,
            Targeted = Request.Recipients.Length,
            AlreadyServed = _alreadyServed,
            UnknownResent = _unknownResent,
            UnknownSkipped = _unknownSkipped,
            NoAddress = _noAddress,
            RateLimited = _rateLimited,
            Superseded = _superseded,
            Sent = _sent,
            Delivered = _delivered,
            Rejected = _rejected,
            Failed = _failed,
            Unknown = _unknown,
            FellBack = _fellBack,
            FirstSendAt = first < 0 ? null : new DateTimeOffset(first, TimeSpan.Zero),
            CompletedAt = timeProvider.GetUtcNow(),
        };
    }
}
