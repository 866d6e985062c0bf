using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Contract;

/// <summary>Issue 13: the shared contract suite covers every <see cref="IChannelAdapter"/> in src, so a new adapter cannot skip it.</summary>
public sealed class ContractCoverageTests
{
    [Fact]
    public void ContractSuite_EveryAdapterInSrc_HasASubclass()
    {
        var adapters = new[] { typeof(ChannelNames).Assembly, typeof(IChannelAdapter).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IChannelAdapter).IsAssignableFrom(t))
            .ToList();
        var covered = typeof(ContractCoverageTests).Assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true } && b.GetGenericTypeDefinition() == typeof(ChannelAdapterContractTests<>))
            .Select(b => b!.GetGenericArguments()[0])
            .ToHashSet();

        Assert.True(adapters.Count >= 11, $"found only {adapters.Count} adapters: the scan is broken");
        Assert.Empty(adapters.Where(a => !covered.Contains(a)).Select(a => a.FullName));
    }
}
