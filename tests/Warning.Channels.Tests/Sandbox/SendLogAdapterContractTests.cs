using Warning.Channels.Sandbox;
using Warning.Channels.Tests.Contract;

namespace Warning.Channels.Tests.Sandbox;

/// <summary>The host's send-log decorator keeps the adapter contract of what it wraps, and logs every recipient asked.</summary>
public sealed class SendLogAdapterContractTests : ChannelAdapterContractTests<SendLogAdapter>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warning-sendlog-").FullName;
    private readonly List<SendLogAdapter> _created = [];

    protected override SendLogAdapter CreateSut() => Track(new SendLogAdapter(
        new SandboxChannelAdapter(new SandboxChannelOptions { MaxBatchSize = 50 }, new SandboxRecorder(), TimeProvider.System), _folder));

    protected override SendLogAdapter CreateSutWithFailingProvider() => Track(new SendLogAdapter(
        new SandboxChannelAdapter(new SandboxChannelOptions { TransientFailureRate = 1 }, new SandboxRecorder(), TimeProvider.System), _folder));

    protected override string AddressFor(int recipient) => $"1390000{recipient:D4}";

    [Fact]
    public async Task SendAsync_Batch_LogsEveryRecipientBeforeReturning()
    {
        var sut = CreateSut();
        await sut.SendAsync(Batch(3, "x"), TestContext.Current.CancellationToken);
        var lines = ReadLog();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("version-1,sms,", l, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _created.ForEach(a => a.Dispose());
        Directory.Delete(_folder, recursive: true);
    }

    private SendLogAdapter Track(SendLogAdapter adapter)
    {
        _created.Add(adapter);
        return adapter;
    }

    /// <summary>Reads while the adapter still holds the file (it shares reads).</summary>
    private List<string> ReadLog()
    {
        var file = Directory.GetFiles(_folder).Single();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
