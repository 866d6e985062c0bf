using System.Text;

namespace Warning.Channels.Smpp.Codec;

/// <summary>Decodes the user data of a received short message (a reply, a receipt) by its data_coding.</summary>
internal static class SmsText
{
    public static string Decode(byte dataCoding, ReadOnlySpan<byte> userData, bool hasUdh)
    {
        if (hasUdh && userData.Length > 0)
        {
            userData = userData[Math.Min(userData.Length, userData[0] + 1)..];
        }
        return dataCoding switch
        {
            SmsDataCoding.Gsm => GsmAlphabet.Decode(userData),
            SmsDataCoding.Ucs2 => Encoding.BigEndianUnicode.GetString(userData),
            SmsDataCoding.Ascii => Encoding.ASCII.GetString(userData),
            _ => Encoding.Latin1.GetString(userData),
        };
    }
}
