using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Alerts;

namespace Warning.Engine.Tests.Alerts;

public sealed class GbIdentifierGeneratorTests
{
    private const string SenderCode = "44010641600000";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 6, 1, 0, 30, 0, 250, TimeSpan.Zero));

    private GbIdentifierGenerator CreateSut() => new(_time);

    [Fact]
    public void Next_FirstCall_UsesBeijingTimeAndSequenceZero()
    {
        Assert.Equal("44010641600000_20240601083000_0", CreateSut().Next(SenderCode).ToString());
    }

    [Fact]
    public void Next_TenCallsInOneSecond_CountsSequenceZeroToNine()
    {
        var sut = CreateSut();

        var ids = Enumerable.Range(0, 10).Select(_ => sut.Next(SenderCode)).ToList();

        Assert.Equal(Enumerable.Range(0, 10), ids.Select(i => i.Sequence!.Value));
        Assert.All(ids, i => Assert.Equal(new DateTime(2024, 6, 1, 8, 30, 0), i.BeijingTime));
    }

    [Fact]
    public void Next_EleventhCallInOneSecond_MovesToTheNextSecond()
    {
        var sut = CreateSut();
        for (var i = 0; i < 10; i++)
        {
            sut.Next(SenderCode);
        }

        var eleventh = sut.Next(SenderCode);
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterClockCatchesUp = sut.Next(SenderCode);

        Assert.Equal("44010641600000_20240601083001_0", eleventh.ToString());
        Assert.Equal("44010641600000_20240601083001_1", afterClockCatchesUp.ToString());
    }

    [Fact]
    public void Next_NewSecond_RestartsAtZero()
    {
        var sut = CreateSut();
        sut.Next(SenderCode);
        sut.Next(SenderCode);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("44010641600000_20240601083005_0", sut.Next(SenderCode).ToString());
    }

    [Fact]
    public void Next_ClockStepsBack_NeverRepeatsAnIdentifier()
    {
        var clock = new SettableTimeProvider { Now = _time.GetUtcNow() };
        var sut = new GbIdentifierGenerator(clock);
        var first = sut.Next(SenderCode);

        clock.Now = clock.Now.AddMinutes(-1);
        var second = sut.Next(SenderCode);

        Assert.NotEqual(first, second);
        Assert.Equal("44010641600000_20240601083000_1", second.ToString());
    }

    [Fact]
    public void Next_TwoSenders_CountIndependently()
    {
        var sut = CreateSut();
        sut.Next(SenderCode);

        var other = sut.Next("44010641700000");

        Assert.Equal(0, other.Sequence);
    }

    [Fact]
    public async Task Next_ConcurrentCalls_AreAllUnique()
    {
        var sut = CreateSut();

        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50).Select(_ => sut.Next(SenderCode).ToString()).ToList()));
        var ids = (await Task.WhenAll(tasks)).SelectMany(x => x).ToList();

        Assert.Equal(400, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Next_InvalidSenderCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreateSut().Next("12345"));
    }

    /// <summary>FakeTimeProvider refuses to go back in time; this one lets a test step the clock back.</summary>
    private sealed class SettableTimeProvider : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
