using System.Globalization;
using System.Text;
using Warning.Engine.Channels;

namespace Warning.Channels.Sandbox;

/// <summary>
/// Wraps a sandbox adapter and appends every recipient it was asked to send to ("version,channel,recipient" lines) to
/// a file per process, flushed before the call returns. Several worker processes then leave one log each, and a
/// test or an operator can count who received what across nodes — including after a node was killed.
/// Turned on by "Warning:SandboxSendLog" (a folder); never used with real providers.
/// </summary>
public sealed class SendLogAdapter(IChannelAdapter inner, string folder) : IChannelAdapter, IDisposable
{
    private readonly FileStream _file = new(Path.Combine(folder, $"sends-{Environment.ProcessId}-{inner.Name}.log"),
        FileMode.Append, FileAccess.Write, FileShare.Read);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => inner.Name;

    public ChannelCapabilities Capabilities => inner.Capabilities;

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lines = new StringBuilder(batch.Recipients.Count * 48);
        foreach (var recipient in batch.Recipients)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{batch.Content.VersionId},{Name},{recipient.Recipient}\n");
        }
        var bytes = Encoding.UTF8.GetBytes(lines.ToString());
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Written and flushed before the provider is "called": a send the log does not show never happened.
            await _file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        return await inner.SendAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _file.Dispose();
        _gate.Dispose();
    }
}
