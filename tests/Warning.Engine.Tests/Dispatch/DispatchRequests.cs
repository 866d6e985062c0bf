using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>What the dispatcher tests send: one SMS shard of recipients 0…count-1, everyone with a phone number.</summary>
internal static class DispatchRequests
{
    public static DispatchRequest SmsRequest(WarningLevel level, int count, string version = "v1") => new(
        new DeliveryContent("t1", version, MessageType.Alert, AlertStatus.Actual, level, "暴雨预警", null),
        "sms", Enumerable.Range(0, count).ToArray(), new EveryoneAddressBook(), TimeSpan.FromHours(1));

    /// <summary>Polls <paramref name="condition"/> every 10 ms for up to <paramref name="seconds"/> s, then asserts it.</summary>
    public static async Task WaitUntil(Func<bool> condition, int seconds = 10)
    {
        for (var i = 0; i < seconds * 100 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        Assert.True(condition());
    }

    private sealed class EveryoneAddressBook : IRecipientAddressBook
    {
        public bool TryGetAddress(int recipient, string channel, out string address)
        {
            address = "13800000000";
            return true;
        }
    }
}
