namespace Warning.Engine.Audience;

public sealed partial class AudienceIndex
{
    /// <summary>Everything wrong with <paramref name="query"/> for this directory; empty when it can be resolved.</summary>
    public IReadOnlyList<AudienceProblem> Validate(AudienceQuery query) => Plan(query).Problems;

    private QueryPlan Plan(AudienceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = new QueryPlan();
        plan.ChannelBit = AudienceChannels.BitOf(query.Channel ?? string.Empty);
        if (plan.ChannelBit == 0)
        {
            plan.Problems.Add(new(AudienceProblem.UnknownChannel, $"unknown channel '{query.Channel}'"));
        }
        if (query.Groups.Count == 0)
        {
            plan.GroupMask = GroupCatalogue.All;
        }
        else if (!_groups.TryGetMask(query.Groups, out plan.GroupMask, out var unknown))
        {
            plan.Problems.Add(new(AudienceProblem.UnknownGroup, $"unknown group '{unknown}'"));
        }
        if (query.AreaCodes.Count + query.Polygons.Count + query.Circles.Count == 0)
        {
            plan.Problems.Add(new(AudienceProblem.NoTarget, "the query names no area code, polygon or circle"));
        }
        foreach (var code in query.AreaCodes)
        {
            PlanCode(code, plan);
        }
        for (var i = 0; i < query.Polygons.Count; i++)
        {
            if (GeometryRules.Check(query.Polygons[i]) is { } problem)
            {
                plan.Problems.Add(problem with { Detail = $"polygon {i + 1}: {problem.Detail}" });
            }
            else
            {
                plan.Shapes.Add(PreparedRing.From(query.Polygons[i]));
            }
        }
        for (var i = 0; i < query.Circles.Count; i++)
        {
            if (GeometryRules.Check(query.Circles[i]) is { } problem)
            {
                plan.Problems.Add(problem with { Detail = $"circle {i + 1}: {problem.Detail}" });
            }
            else
            {
                plan.Shapes.Add(new PreparedCircle(query.Circles[i]));
            }
        }
        plan.IgnoreOptOuts = query.IgnoreOptOuts;
        return plan;
    }

    private void PlanCode(string code, QueryPlan plan)
    {
        if (!AdminCodes.IsWellFormed(code))
        {
            plan.Problems.Add(new(AudienceProblem.MalformedArea, $"area code '{code}' is not 6, 9 or 12 digits"));
            return;
        }
        var prefix = AdminCodes.TargetPrefix(code);
        var first = LowerBound(prefix);
        var end = LowerBound(prefix + ":"); // ':' follows '9': the first code past every one starting with prefix
        if (first == end)
        {
            plan.Problems.Add(new(AudienceProblem.UnknownArea, $"area code {code} is not in the directory"));
            return;
        }
        plan.Ranges.Add((_areaStart[first], _areaStart[end]));
        foreach (var enclosing in AdminCodes.EnclosingCodes(code))
        {
            var ordinal = LowerBound(enclosing);
            if (ordinal < _areaCodes.Length && _areaCodes[ordinal] == enclosing)
            {
                plan.EnclosingRanges.Add((_areaStart[ordinal], _areaStart[ordinal + 1]));
            }
        }
    }

    private int LowerBound(string value)
    {
        int low = 0, high = _areaCodes.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(_areaCodes[mid], value) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    private sealed class QueryPlan
    {
        public List<AudienceProblem> Problems { get; } = [];

        public List<(int Start, int End)> Ranges { get; } = [];

        /// <summary>The recipients whose home is exactly an area enclosing a targeted code (not its other parts).</summary>
        public List<(int Start, int End)> EnclosingRanges { get; } = [];

        public List<IShape> Shapes { get; } = [];

        public ushort ChannelBit { get; set; }

        public ulong GroupMask;

        public bool IgnoreOptOuts { get; set; }
    }
}
