using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Warning.Peers.Recording;

namespace Warning.Peers.BroadcastPlatform;

/// <summary>
/// OUR stand-in for the district emergency-broadcast platform (GY/T 385 EBD exchange over HTTP). No EB-platform
/// emulator exists anywhere, so the transport is ours, but every check on what arrives is made by an independent
/// tool (GNU tar, OpenSSL, xmllint; <see cref="PlatformTools"/>), and the answer is an EBDResponse that OpenSSL signs
/// and GNU tar packs. Paths under /ebd choose the behaviour: <c>/ebd</c> checks and answers like a platform (1 when
/// signature and schema pass, 4 when the signature fails, 2 when the schema fails); <c>/ebd/result/N</c> answers N;
/// <c>/ebd/status/N</c> answers HTTP N; <c>/ebd/hang</c> never answers; <c>/ebd/bare</c> answers bare XML;
/// <c>/ebd/forged</c> signs the answer with the wrong key; <c>/ebd/other</c> answers for another EBD;
/// <c>/ebd/garbage</c> answers 200 with no EBD.
/// </summary>
internal sealed class BroadcastPlatformStandIn : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"warning-ebd-peer-{Guid.NewGuid():N}");
    private readonly ReceivedLog _log;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, byte> _seenEbms = new(StringComparer.Ordinal);
    private readonly PlatformAnswers? _answers;

    public BroadcastPlatformStandIn(IOptions<PeersOptions> options, ReceivedLog log, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_log, _timeProvider) = (log, timeProvider);
        Directory.CreateDirectory(_folder);
        Unavailable = PlatformTools.Missing();
        if (Unavailable is null)
        {
            var keyFolder = options.Value.BroadcastPlatform.KeyFolder;
            Keys = PlatformKeys.InFolder(keyFolder.Length > 0 ? Path.GetFullPath(keyFolder) : Path.Combine(_folder, "keys"));
            _answers = new PlatformAnswers(options.Value.BroadcastPlatform.PlatformEbrId, Keys, _folder, timeProvider);
        }
    }

    /// <summary>Why packages cannot be checked here (a tool is missing), or null.</summary>
    public string? Unavailable { get; }

    /// <summary>The key pairs; null when <see cref="Unavailable"/>.</summary>
    public PlatformKeys? Keys { get; }

    public ConcurrentQueue<ReceivedPackage> Received { get; } = new();

    public async Task<IResult> HandleAsync(HttpContext context, string? mode, string? argument)
    {
        var code = int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        switch (mode)
        {
            case "status":
                return Results.StatusCode(code);
            case "hang":
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return Results.StatusCode(500);
            case "garbage":
                return Results.Text("OK");
        }
        if (_answers is null || Keys is null)
        {
            return Results.Problem(Unavailable, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.Count != 1 || form.Files["file"] is not { } file)
        {
            return Results.BadRequest("one file part named 'file' expected");
        }
        var package = await CheckAsync(file, Keys, context.RequestAborted);
        Received.Enqueue(package);
        var ebd = XDocument.Parse(package.EbdXml).Root!;
        var ebdId = ebd.Element("EBDID")!.Value;
        var resultCode = mode == "result" ? code : !package.SignatureVerified ? 4 : !package.SchemaValid ? 2 : 1;
        Record(ebd, package, resultCode);
        var related = mode == "other" ? ebdId[..^1] + (ebdId[^1] == '0' ? '1' : '0') : ebdId;
        var sender = ebd.Element("SRC")?.Element("EBRID")?.Value ?? "";
        return _answers.Answer(related, sender, resultCode, bare: mode == "bare", forged: mode == "forged");
    }

    private async Task<ReceivedPackage> CheckAsync(IFormFile file, PlatformKeys keys, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var tarPath = Path.Combine(folder, "package.tar");
        await using (var stream = File.Create(tarPath))
        {
            await file.CopyToAsync(stream, cancellationToken);
        }
        var listing = PlatformTools.TarList(tarPath);
        PlatformTools.TarExtract(tarPath, folder);
        var ebdPath = Path.Combine(folder, listing.Single(n => n.StartsWith("EBDB_", StringComparison.Ordinal)));
        var ebdsPath = Path.Combine(folder, listing.Single(n => n.StartsWith("EBDS_", StringComparison.Ordinal)));
        var ebdsXml = await File.ReadAllTextAsync(ebdsPath, cancellationToken);
        var signaturePath = Path.Combine(folder, "signature.der");
        await File.WriteAllBytesAsync(signaturePath, Convert.FromBase64String(PlatformTools.SignatureValue(ebdsXml) ?? string.Empty), cancellationToken);
        var (verified, openSsl) = PlatformTools.VerifyWithOpenSsl(keys.SenderPublicKeyPath, ebdPath, signaturePath);
        var (valid, xmllint) = PlatformTools.Xmllint(ebdPath, ebdsPath);
        return new ReceivedPackage(file.FileName, listing, await File.ReadAllTextAsync(ebdPath, cancellationToken), ebdsXml,
            verified, openSsl, valid, xmllint, ebdPath, signaturePath);
    }

    // One record per package: the area codes it names are its recipient, the EBM id its warning (stable across
    // resends of one version to one area group, so a second package with the same EBM and MsgType is a duplicate).
    private void Record(XElement ebd, ReceivedPackage package, int resultCode)
    {
        var ebm = ebd.Element("EBM");
        var ebmId = ebm?.Element("EBMID")?.Value;
        var msgType = ebm?.Element("MsgBasicInfo")?.Element("MsgType")?.Value;
        var content = ebm?.Element("MsgContent");
        var duplicate = ebmId is not null && !_seenEbms.TryAdd(ebmId + "/" + msgType, 0);
        _log.Add(new ReceivedMessage(PeerChannels.BroadcastPlatform, content?.Element("AreaCode")?.Value ?? "", ebmId, null,
            ebd.Element("EBDID")?.Value, msgType == "2" ? ReceivedKinds.Clear : ReceivedKinds.Send, content?.Element("MsgDesc")?.Value,
            duplicate, _timeProvider.GetUtcNow(),
            $"MsgType {msgType}; signature {(package.SignatureVerified ? "verified" : "NOT verified")}; schema {(package.SchemaValid ? "valid" : "INVALID")}; answered {resultCode}"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
