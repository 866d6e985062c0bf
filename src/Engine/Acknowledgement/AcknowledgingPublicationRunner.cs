using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warning.Engine.Alerts;
using Warning.Engine.Issuing;

namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Starts 叫应 for every version the issuing service publishes, right after its fan-out began (the public's first
/// sends never wait for the officials'). A failure of 叫应 does not undo a release: it is logged and the console
/// shows a version without requests.
/// </summary>
public sealed class AcknowledgingPublicationRunner(IPublicationRunner inner, AcknowledgementService acknowledgements,
    ILogger<AcknowledgingPublicationRunner>? logger = null) : IPublicationRunner
{
    private readonly ILogger _logger = logger ?? NullLogger<AcknowledgingPublicationRunner>.Instance;

    public async Task<PublicationProgress> StartAsync(string threadId, WarningMessage version, CancellationToken cancellationToken)
    {
        var progress = await inner.StartAsync(threadId, version, cancellationToken).ConfigureAwait(false);
        try
        {
            await acknowledgements.StartAsync(threadId, version, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The warning is out; a store or adapter fault in 叫应 must not turn the publish into an error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.StartFailed(_logger, e, version.Identifier);
        }
        return progress;
    }

    public Task WaitAsync(string versionId, CancellationToken cancellationToken) => inner.WaitAsync(versionId, cancellationToken);
}
