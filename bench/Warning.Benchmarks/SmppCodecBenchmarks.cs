using System.Text;
using BenchmarkDotNet.Attributes;
using Warning.Channels.Smpp.Codec;

namespace Warning.Benchmarks;

/// <summary>
/// The SMPP adapter's per-recipient CPU: splitting a 200-character Chinese warning into UCS2 parts (once per
/// batch) and encoding its three submit_sm PDUs (once per recipient), against encoding the text as UTF-16BE (baseline).
/// </summary>
[MemoryDiagnoser]
public class SmppCodecBenchmarks
{
    private readonly byte[] _buffer = new byte[SmppPdus.MaxOutgoingLength];
    private string _text = string.Empty;
    private SmsPart[] _parts = [];
    private SmppSubmitRequest _submit;

    [GlobalSetup]
    public void Setup()
    {
        _text = string.Concat(Enumerable.Range(0, 200).Select(i => (char)('\u4e00' + (i * 37 % 2000))));
        _parts = SmsSplitter.Split(_text, useGsmWhereItFits: true)!;
        _submit = new SmppSubmitRequest("", 0, 1, "10690001", 0, 1, "13800000001", 0, 1, null);
    }

    [Benchmark(Baseline = true)]
    public byte[] Utf16BigEndian() => Encoding.BigEndianUnicode.GetBytes(_text);

    [Benchmark]
    public int Split200Chinese() => SmsSplitter.Split(_text, useGsmWhereItFits: true)!.Length;

    [Benchmark]
    public int EncodeThreeSubmitSm()
    {
        var total = 0;
        foreach (var part in _parts)
        {
            total += SmppPdus.SubmitSm(_buffer, 1, _submit, part, 0x5A);
        }
        return total;
    }
}
