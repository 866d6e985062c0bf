using Warning.Engine.Alerts;

namespace Warning.Engine.Tests.Alerts;

public sealed class ValueListTests
{
    [Fact]
    public void Equals_SameItems_IsTrue()
    {
        ValueList<string> a = ["x", "y"];
        ValueList<string> b = ["x", "y"];
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_OtherOrder_IsFalse()
    {
        ValueList<string> a = ["x", "y"];
        ValueList<string> b = ["y", "x"];
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void RecordEquality_NestedLists_ComparesByValue()
    {
        var a = new TargetArea { AreaDesc = "A", Geocodes = [new NamedValue(TargetArea.AdminCodeName, "440106")] };
        var b = new TargetArea { AreaDesc = "A", Geocodes = [new NamedValue(TargetArea.AdminCodeName, "440106")] };
        Assert.Equal(a, b);
    }
}
