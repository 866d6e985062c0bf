using Warning.Channels.Broadcast;
using Warning.Channels.Tests.Mqtt;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;
using static Warning.Channels.Tests.Mqtt.MqttTestBench;

namespace Warning.Channels.Tests.Broadcast;

/// <summary>The broadcast adapter against the real mosquitto, with simulated terminals acknowledging.</summary>
[Trait("Category", "Integration")]
public sealed class BroadcastChannelAdapterTests : IAsyncDisposable
{
    private const string Text = "暴雨预警，请群众注意防范。";
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(MqttTestBench Bench, BroadcastChannelAdapter Sut)> CreateSutAsync(string[] terminals,
        BroadcastChannelOptions? options = null)
    {
        var bench = await StartAsync("broadcast", terminals, Token);
        _owned.Add(bench);
        return (bench, new BroadcastChannelAdapter(options ?? new BroadcastChannelOptions(), bench.Gateway, TimeProvider.System));
    }

    [Fact]
    public async Task SendAsync_EachLevel_PlaysTheTextTheDefaultNumberOfTimes()
    {
        var (bench, sut) = await CreateSutAsync(["bc-1"]);
        foreach (var level in Enum.GetValues<WarningLevel>())
        {
            await sut.SendAsync(Batch(Content(Text, level, version: $"v-{level}", thread: $"t-{level}"), "bc-1"), Token);
        }
        var terminal = bench.Devices["bc-1"];
        await bench.Devices.Changed.WaitUntilAsync(() => terminal.Active.Count == 4, "four warnings playing", Token);

        var repeats = terminal.Active.ToDictionary(p => p.Key, p => p.Value.Repeat ?? 0);
        Assert.Equal(new Dictionary<string, int> { ["t-Blue"] = 1, ["t-Yellow"] = 2, ["t-Orange"] = 3, ["t-Red"] = 3 }, repeats);
        Assert.All(terminal.Active.Values, c => Assert.Equal((Text, "play"), (c.Text, c.Action)));
        await bench.WaitForReceiptsAsync(4, Token);
        Assert.All(bench.Receipts.Receipts, r => Assert.Equal(("broadcast", DeliveryState.Delivered), (r.Channel, r.State)));
    }

    [Fact]
    public async Task SendAsync_RepeatsConfigured_UsesTheConfiguration()
    {
        var options = new BroadcastChannelOptions { Repeats = new() { [WarningLevel.Blue] = 5 }, DefaultRepeat = 2 };
        var (bench, sut) = await CreateSutAsync(["bc-1"], options);
        await sut.SendAsync(Batch(Content(Text, WarningLevel.Blue, thread: "blue", version: "v-blue"), "bc-1"), Token);
        await sut.SendAsync(Batch(Content(Text, WarningLevel.Red, thread: "red", version: "v-red"), "bc-1"), Token);
        var terminal = bench.Devices["bc-1"];
        await bench.Devices.Changed.WaitUntilAsync(() => terminal.Active.Count == 2, "two warnings playing", Token);

        Assert.Equal((5, 2), (terminal.Active["blue"].Repeat ?? 0, terminal.Active["red"].Repeat ?? 0));
    }

    [Fact]
    public async Task SendAsync_CancelVersion_StopsEveryTerminal()
    {
        string[] terminals = ["bc-1", "bc-2"];
        var (bench, sut) = await CreateSutAsync(terminals);
        await sut.SendAsync(Batch(Content(Text), terminals), Token);
        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices.Devices.All(d => !d.Active.IsEmpty), "playing", Token);

        await sut.SendAsync(Batch(Content("解除暴雨预警", type: MessageType.Cancel, version: "v2"), terminals), Token);

        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices.Devices.All(d => d.Active.IsEmpty), "stopped", Token);
        Assert.All(bench.Devices.Devices, d => Assert.Equal("stop", d.Received.Last().Action));
    }

    [Fact]
    public async Task ClearAsync_WarningExpired_StopsTheTerminal()
    {
        var (bench, sut) = await CreateSutAsync(["bc-1"]);
        await sut.SendAsync(Batch(Content(Text), "bc-1"), Token);

        var results = await sut.ClearAsync(new DeviceClearRequest("thread-1", "v1", DeviceClearReason.Expired,
            [new DeliveryRecipient(1, "bc-1")]), Token);

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(results).Status);
        await bench.Devices.Changed.WaitUntilAsync(() => bench.Devices["bc-1"].Received.Count == 2, "the stop", Token);
        Assert.Empty(bench.Devices["bc-1"].Active);
        Assert.Equal("expired", bench.Devices["bc-1"].Received.Last().Reason);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
