using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.BroadcastPlatform;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>
/// Plays the district emergency-broadcast platform over real HTTP (Kestrel on loopback). No EB-platform emulator
/// exists anywhere, so the transport is ours — a stub in that sense — but every check on what arrives is made by an
/// independent tool (GNU tar, OpenSSL, xmllint; see <see cref="PeerTools"/>), and the answer is an EBDResponse that
/// OpenSSL signs and GNU tar packs. Paths choose the behaviour: <c>/ebd</c> checks and answers like a platform
/// (1 when signature and schema pass, 4 when the signature fails, 2 when the schema fails); <c>/ebd/result/N</c>
/// answers N; <c>/ebd/status/N</c> answers HTTP N; <c>/ebd/hang</c> never answers; <c>/ebd/bare</c> answers bare XML;
/// <c>/ebd/forged</c> signs the answer with the wrong key; <c>/ebd/other</c> answers for another EBD;
/// <c>/ebd/garbage</c> answers 200 with no EBD.
/// </summary>
public sealed class BroadcastPlatformPeer : IAsyncLifetime
{
    public const string SourceEbrId = "44010616000000103010101";
    public const string PlatformEbrId = "44010600000000301010101";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"warning-ebd-peer-{Guid.NewGuid():N}");
    private readonly HttpClient _http = new();
    private WebApplication? _app;
    private string? _unavailable;
    private string _senderPublicPath = string.Empty;
    private string _platformPrivatePath = string.Empty;

    public ConcurrentQueue<ReceivedPackage> Received { get; } = new();

    public string SenderPrivateKeyPem { get; private set; } = string.Empty;

    public string SenderPublicKeyPath => _senderPublicPath;

    public string PlatformPublicKeyPem { get; private set; } = string.Empty;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (!PeerTools.CanRun("openssl", "version") || !PeerTools.CanRun("tar", "--version") || !PeerTools.CanRun("xmllint", "--version"))
        {
            _unavailable = "the broadcast-platform peer needs openssl, GNU tar and xmllint (Debian openssl, tar, libxml2-utils)";
            return;
        }
        (var senderPrivate, _senderPublicPath) = PeerTools.GenerateSm2Key(_folder, "sender");
        (_platformPrivatePath, var platformPublic) = PeerTools.GenerateSm2Key(_folder, "platform");
        SenderPrivateKeyPem = await File.ReadAllTextAsync(senderPrivate);
        PlatformPublicKeyPem = await File.ReadAllTextAsync(platformPublic);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/ebd/{mode?}/{argument?}", HandleAsync);
        await _app.StartAsync();
        var address = _app.Urls.First();  // the bound address, with the port Kestrel chose
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Skips the calling test outside CI (fails it under CI=true) when the tools are missing.</summary>
    public void RequireTools()
    {
        if (_unavailable is not null)
        {
            TestServers.Unavailable(_unavailable + "; run scripts/services.sh");
        }
    }

    public BroadcastPlatformChannelAdapter CreateAdapter(string path = "ebd", Action<BroadcastPlatformChannelOptions>? configure = null,
        TimeProvider? timeProvider = null)
    {
        RequireTools();
        var options = new BroadcastPlatformChannelOptions
        {
            PlatformUrl = new Uri(BaseUrl, path).ToString(),
            SourceEbrId = SourceEbrId,
            DestinationEbrId = PlatformEbrId,
            SourceUrl = "http://127.0.0.1:5080/eb/feedback",
            SenderName = "海珠区应急管理局",
            SenderCode = "44010641600000",
            PrivateKeyPem = SenderPrivateKeyPem,
            CertificateSerial = "0123456789ABCDEF",
            MaxBatchSize = 5,
        };
        configure?.Invoke(options);
        var time = timeProvider ?? TimeProvider.System;
        var client = new BroadcastPlatformClient(new SharedClientFactory(_http), time);
        return new BroadcastPlatformChannelAdapter(client, Options.Create(options), time, NullLogger<BroadcastPlatformChannelAdapter>.Instance);
    }

    private async Task<IResult> HandleAsync(HttpContext context, string? mode, string? argument)
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
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.Count != 1 || form.Files["file"] is not { } file)
        {
            return Results.BadRequest("one file part named 'file' expected");
        }
        var package = await CheckAsync(file, context.RequestAborted);
        Received.Enqueue(package);
        var ebdId = XDocument.Parse(package.EbdXml).Root!.Element("EBDID")!.Value;
        var resultCode = mode == "result" ? code : !package.SignatureVerified ? 4 : !package.SchemaValid ? 2 : 1;
        var related = mode == "other" ? ebdId[..^1] + (ebdId[^1] == '0' ? '1' : '0') : ebdId;
        return Answer(related, resultCode, bare: mode == "bare", forged: mode == "forged");
    }

    private async Task<ReceivedPackage> CheckAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var tarPath = Path.Combine(folder, "package.tar");
        await using (var stream = File.Create(tarPath))
        {
            await file.CopyToAsync(stream, cancellationToken);
        }
        var listing = PeerTools.TarList(tarPath);
        PeerTools.TarExtract(tarPath, folder);
        var ebdPath = Path.Combine(folder, listing.Single(n => n.StartsWith("EBDB_", StringComparison.Ordinal)));
        var ebdsPath = Path.Combine(folder, listing.Single(n => n.StartsWith("EBDS_", StringComparison.Ordinal)));
        var ebdsXml = await File.ReadAllTextAsync(ebdsPath, cancellationToken);
        var signaturePath = Path.Combine(folder, "signature.der");
        await File.WriteAllBytesAsync(signaturePath, Convert.FromBase64String(PeerTools.SignatureValue(ebdsXml) ?? string.Empty), cancellationToken);
        var (verified, openSsl) = PeerTools.VerifyWithOpenSsl(_senderPublicPath, ebdPath, signaturePath);
        var (valid, xmllint) = PeerTools.Xmllint(ebdPath, ebdsPath);
        return new ReceivedPackage(file.FileName, listing, await File.ReadAllTextAsync(ebdPath, cancellationToken), ebdsXml,
            verified, openSsl, valid, xmllint, ebdPath, signaturePath);
    }

    private IResult Answer(string relatedEbdId, int resultCode, bool bare, bool forged)
    {
        var answerId = "10" + PlatformEbrId + string.Concat(Enumerable.Range(0, 16).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("EBD",
                new XElement("EBDVersion", 1),
                new XElement("EBDID", answerId),
                new XElement("EBDType", "EBDResponse"),
                new XElement("SRC", new XElement("EBRID", PlatformEbrId)),
                new XElement("DEST", new XElement("EBRID", SourceEbrId)),
                new XElement("EBDTime", "2026-07-20 08:00:01"),
                new XElement("RelatedEBD", new XElement("EBDID", relatedEbdId)),
                new XElement("EBDResponse", new XElement("ResultCode", resultCode), new XElement("ResultDesc", resultCode == 1 ? "接收成功" : "处理失败"))));
        var text = xml.Declaration + "\n" + xml.Root;
        if (bare)
        {
            return Results.Text(text, "application/xml", Encoding.UTF8);
        }
        var folder = Path.Combine(_folder, "answer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var ebdName = $"EBDB_{answerId}.xml";
        var ebdsName = $"EBDS_EBDB_{answerId}.xml";
        File.WriteAllText(Path.Combine(folder, ebdName), text, new UTF8Encoding(false));
        var signature = PeerTools.SignWithOpenSsl(forged ? Path.Combine(_folder, "sender.key.pem") : _platformPrivatePath, Path.Combine(folder, ebdName));
        var ebds = new XElement("Signature",
            new XElement("Version", 1),
            new XElement("RelatedEBD", new XElement("EBDID", answerId)),
            new XElement("CertSN", "FEDCBA9876543210"),
            new XElement("SignatureAlgorithm", "SM2-SM3"),
            new XElement("SignatureValue", Convert.ToBase64String(signature)));
        File.WriteAllText(Path.Combine(folder, ebdsName), ebds.ToString(), new UTF8Encoding(false));
        var tarPath = Path.Combine(folder, $"EBDT_{answerId}.tar");
        PeerTools.TarCreate(tarPath, folder, ebdName, ebdsName);
        return Results.File(File.ReadAllBytes(tarPath), "application/x-tar", Path.GetFileName(tarPath));
    }

    private sealed class SharedClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
