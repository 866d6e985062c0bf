namespace Warning.Channels.Tests.Mqtt;

/// <summary>Wakes waiters whenever something arrives, so tests wait for a condition instead of sleeping.</summary>
internal sealed class Signal
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _pulse, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test when it still does not after 30 s.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            var pulse = Volatile.Read(ref _pulse).Task;
            if (condition())
            {
                return;
            }
            try
            {
                await pulse.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Still waiting after {Patience.TotalSeconds} s for: {what}");
            }
        }
    }
}
