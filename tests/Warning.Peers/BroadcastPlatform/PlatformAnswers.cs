using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Warning.Peers.BroadcastPlatform;

/// <summary>The platform's EBDResponse to one package: written here, signed by OpenSSL, packed by GNU tar.</summary>
internal sealed class PlatformAnswers(string platformEbrId, PlatformKeys keys, string folder, TimeProvider timeProvider)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public IResult Answer(string relatedEbdId, string senderEbrId, int resultCode, bool bare, bool forged)
    {
        var answerId = "10" + platformEbrId + string.Concat(Enumerable.Range(0, 16).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("EBD",
                new XElement("EBDVersion", 1),
                new XElement("EBDID", answerId),
                new XElement("EBDType", "EBDResponse"),
                new XElement("SRC", new XElement("EBRID", platformEbrId)),
                new XElement("DEST", new XElement("EBRID", senderEbrId)),
                new XElement("EBDTime", timeProvider.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                new XElement("RelatedEBD", new XElement("EBDID", relatedEbdId)),
                new XElement("EBDResponse", new XElement("ResultCode", resultCode), new XElement("ResultDesc", resultCode == 1 ? "接收成功" : "处理失败"))));
        var text = xml.Declaration + "\n" + xml.Root;
        if (bare)
        {
            return Results.Text(text, "application/xml", Encoding.UTF8);
        }
        var answerFolder = Path.Combine(folder, "answer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(answerFolder);
        var ebdName = $"EBDB_{answerId}.xml";
        var ebdsName = $"EBDS_EBDB_{answerId}.xml";
        File.WriteAllText(Path.Combine(answerFolder, ebdName), text, new UTF8Encoding(false));
        // Forged: signed with a key that is not the platform's (the sender's own), so the host must refuse it.
        var signature = PlatformTools.SignWithOpenSsl(forged ? keys.SenderPrivateKeyPath : keys.PlatformPrivateKeyPath,
            Path.Combine(answerFolder, ebdName));
        var ebds = new XElement("Signature",
            new XElement("Version", 1),
            new XElement("RelatedEBD", new XElement("EBDID", answerId)),
            new XElement("CertSN", "FEDCBA9876543210"),
            new XElement("SignatureAlgorithm", "SM2-SM3"),
            new XElement("SignatureValue", Convert.ToBase64String(signature)));
        File.WriteAllText(Path.Combine(answerFolder, ebdsName), ebds.ToString(), new UTF8Encoding(false));
        var tarPath = Path.Combine(answerFolder, $"EBDT_{answerId}.tar");
        PlatformTools.TarCreate(tarPath, answerFolder, ebdName, ebdsName);
        return Results.File(File.ReadAllBytes(tarPath), "application/x-tar", Path.GetFileName(tarPath));
    }
}
