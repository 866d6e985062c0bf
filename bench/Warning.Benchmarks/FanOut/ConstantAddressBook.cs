using Warning.Engine.Audience;

namespace Warning.Benchmarks.FanOut;

/// <summary>Every recipient reachable at one address: the sandbox ignores addresses, and the benchmark measures the engine.</summary>
internal sealed class ConstantAddressBook : IRecipientAddressBook
{
    public bool TryGetAddress(int recipient, string channel, out string address)
    {
        address = "13800000000";
        return true;
    }
}
