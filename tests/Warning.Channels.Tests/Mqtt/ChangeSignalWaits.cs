using Warning.Peers.Recording;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>Tests wait for a condition on a <see cref="ChangeSignal"/> instead of sleeping.</summary>
internal static class ChangeSignalWaits
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test when it still does not after 30 s.</summary>
    public static async Task WaitUntilAsync(this ChangeSignal signal, Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            var next = signal.NextAsync();
            if (condition())
            {
                return;
            }
            try
            {
                await next.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Still waiting after {Patience.TotalSeconds} s for: {what}");
            }
        }
    }
}
