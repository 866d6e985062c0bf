using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Starts 叫应 for every version the issuing service publishes, once its fan-out has begun, in the background: the
/// publish answers at once (a district-wide Red asks a couple of hundred officials, each a send and a log entry). A
/// failure of 叫应 does not undo a release: it is logged, and the console shows a version without requests.
/// <see cref="WaitAsync"/> waits for both.
/// </summary>
public sealed class AcknowledgingPublicationRunner(IPublicationRunner inner, AcknowledgementService acknowledgements,
    ILogger<AcknowledgingPublicationRunner>? logger = null) : IPublicationRunner
{
    private readonly ILogger _logger = logger ?? NullLogger<AcknowledgingPublicationRunner>.Instance;
    private readonly ConcurrentDictionary<string, Task> _starts = new(StringComparer.Ordinal);

    public async Task<PublicationProgress> StartAsync(string threadId, WarningMessage version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var progress = await inner.StartAsync(threadId, version, cancellationToken).ConfigureAwait(false);
        // Not the request's token: the caller may hang up once the release is recorded; the officials must still be asked.
        _starts[version.Identifier] = Task.Run(() => StartAcknowledgementsAsync(threadId, version), CancellationToken.None);
        return progress;
    }

    public async Task WaitAsync(string versionId, CancellationToken cancellationToken)
    {
        await inner.WaitAsync(versionId, cancellationToken).ConfigureAwait(false);
        if (_starts.TryGetValue(versionId, out var start))
        {
            await start.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartAcknowledgementsAsync(string threadId, WarningMessage version)
    {
        try
        {
            await acknowledgements.StartAsync(threadId, version, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The warning is out; a store or adapter fault in 叫应 must not surface as a publish error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.StartFailed(_logger, e, version.Identifier);
        }
        finally
        {
            _starts.TryRemove(version.Identifier, out _);
        }
    }
}
