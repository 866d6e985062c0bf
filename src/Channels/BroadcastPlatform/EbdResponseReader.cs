using System.Globalization;
using System.Xml.Linq;
using Org.BouncyCastle.Crypto;
using Warning.Engine.Codecs;

namespace Warning.Channels.BroadcastPlatform;

/// <summary>
/// The platform's receipt for one package: EBD of type EBDResponse. ResultCode as open implementations use it
/// (our reading; not in the reference): 0 received, not processed; 1 parsed and checked; 2 parse failed;
/// 3 data missing; 4 signature did not verify; 5 other error.
/// </summary>
internal sealed record EbdResponse(int ResultCode, string? ResultDesc, string? RelatedEbdId);

/// <summary>
/// Reads the platform's answer: a tar like ours (EBDB + EBDS) or, from simpler platforms, the bare EBD XML.
/// When we hold the platform's public key, a tar answer's signature must verify, or the answer is not trusted.
/// </summary>
internal static class EbdResponseReader
{
    public static EbdResponse? TryRead(byte[] body, AsymmetricKeyParameter? platformKey, string signerId, out string? problem)
    {
        byte[] xml;
        if (EbdPackage.IsTar(body))
        {
            Dictionary<string, byte[]> files;
            try
            {
                files = EbdPackage.Unpack(body);
            }
            catch (InvalidDataException e)
            {
                problem = $"the answer is a broken tar: {e.Message}";
                return null;
            }
            var ebd = files.FirstOrDefault(f => f.Key.StartsWith("EBDB_", StringComparison.Ordinal));
            if (ebd.Value is null)
            {
                problem = "the answer's tar holds no EBDB_ file";
                return null;
            }
            xml = ebd.Value;
            if (platformKey is not null && !SignatureVerifies(files, xml, platformKey, signerId, out problem))
            {
                return null;
            }
        }
        else
        {
            xml = body;
        }
        return Parse(xml, out problem);
    }

    private static bool SignatureVerifies(Dictionary<string, byte[]> files, byte[] xml, AsymmetricKeyParameter key,
        string signerId, out string? problem)
    {
        var ebds = files.FirstOrDefault(f => f.Key.StartsWith("EBDS_", StringComparison.Ordinal)).Value;
        var document = ebds is null ? null : SafeXml.TryLoad(new MemoryStream(ebds), out _);
        var value = document?.Descendants().FirstOrDefault(e => e.Name.LocalName == "SignatureValue")?.Value;
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(value ?? string.Empty);
        }
        catch (FormatException)
        {
            signature = [];
        }
        if (signature.Length == 0 || !EbdSigner.Verify(key, signerId, xml, signature))
        {
            problem = "the answer's signature does not verify with the platform's public key";
            return false;
        }
        problem = null;
        return true;
    }

    private static EbdResponse? Parse(byte[] xml, out string? problem)
    {
        var document = SafeXml.TryLoad(new MemoryStream(xml), out var issue);
        if (document?.Root is null)
        {
            problem = $"the answer is not XML ({issue?.Message})";
            return null;
        }
        var response = document.Root.Descendants().FirstOrDefault(e => e.Name.LocalName == "EBDResponse");
        var code = Child(response, "ResultCode");
        if (response is null || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var resultCode))
        {
            problem = "the answer has no EBDResponse/ResultCode";
            return null;
        }
        var related = Child(document.Root.Elements().FirstOrDefault(e => e.Name.LocalName == "RelatedEBD"), "EBDID");
        problem = null;
        return new EbdResponse(resultCode, Child(response, "ResultDesc"), related);
    }

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
}
