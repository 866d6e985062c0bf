using System.Buffers;
using System.Numerics;

namespace Warning.Engine.Audience;

public sealed partial class AudienceIndex
{
    /// <summary>
    /// The recipients <paramref name="query"/> selects, each once. Throws <see cref="AudienceTargetingException"/>
    /// when the query names an unknown area, group or channel or an invalid shape; matching nobody is not an error
    /// (check <see cref="AudienceResult.IsEmpty"/>).
    /// </summary>
    public AudienceResult Resolve(AudienceQuery query)
    {
        var plan = Plan(query);
        if (plan.Problems.Count > 0)
        {
            throw new AudienceTargetingException(plan.Problems);
        }
        var words = (Count + 63) >> 6;
        var marks = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            Array.Clear(marks, 0, words);
            var filter = new Filter(plan.GroupMask, plan.ChannelBit, plan.IgnoreOptOuts);
            foreach (var (start, end) in plan.Ranges)
            {
                MarkRange(marks, start, end, filter);
            }
            foreach (var (start, end) in plan.EnclosingRanges)
            {
                MarkSubareaListeners(marks, start, end, filter);
            }
            foreach (var shape in plan.Shapes)
            {
                MarkShape(marks, shape, filter);
            }
            return new AudienceResult(Version, query.Channel, Collect(marks, words));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(marks);
        }
    }

    private void MarkRange(ulong[] marks, int start, int end, Filter filter)
    {
        for (var p = start; p < end; p++)
        {
            if (Passes(p, filter))
            {
                marks[p >> 6] |= 1UL << p;
            }
        }
    }

    /// <summary>Recipients of an area enclosing a targeted one that asked to hear of its parts (district robots).</summary>
    private void MarkSubareaListeners(ulong[] marks, int start, int end, Filter filter)
    {
        for (var p = start; p < end; p++)
        {
            if ((_channels[p] & RecipientBits.SubareaWarnings) != 0 && Passes(p, filter))
            {
                marks[p >> 6] |= 1UL << p;
            }
        }
    }

    private void MarkShape(ulong[] marks, IShape shape, Filter filter)
    {
        var box = shape.Box;
        for (var area = 0; area < _areaBoxes.Length; area++)
        {
            if (!_areaBoxes[area].Intersects(box))
            {
                continue;
            }
            var cover = shape.Cover(_areaBoxes[area]);
            if (cover == ShapeCover.Outside)
            {
                continue;
            }
            if (cover == ShapeCover.Inside)
            {
                MarkLocated(marks, _areaStart[area], _areaStart[area + 1], filter);
                continue;
            }
            for (int p = _areaStart[area], end = _areaStart[area + 1]; p < end; p++)
            {
                double lat = _lat[p], lon = _lon[p];
                if ((marks[p >> 6] & (1UL << p)) == 0 && box.Contains(lat, lon) && Passes(p, filter)
                    && shape.Contains(lat, lon))
                {
                    marks[p >> 6] |= 1UL << p;
                }
            }
        }
    }

    /// <summary>Every located recipient of a range whose box lies wholly inside the shape.</summary>
    private void MarkLocated(ulong[] marks, int start, int end, Filter filter)
    {
        for (var p = start; p < end; p++)
        {
            if (!float.IsNaN(_lat[p]) && Passes(p, filter))
            {
                marks[p >> 6] |= 1UL << p;
            }
        }
    }

    private bool Passes(int p, Filter filter)
    {
        var channels = filter.IgnoreOptOuts ? _channels[p] : RecipientBits.Reachable(_channels[p]);
        return (_groupBits[p] & filter.GroupMask) != 0 && (channels & filter.ChannelBit) != 0;
    }

    private int[] Collect(ulong[] marks, int words)
    {
        var total = 0;
        for (var w = 0; w < words; w++)
        {
            total += BitOperations.PopCount(marks[w]);
        }
        var result = new int[total];
        var next = 0;
        for (var w = 0; w < words; w++)
        {
            for (var bits = marks[w]; bits != 0; bits &= bits - 1)
            {
                result[next++] = _recipients[(w << 6) + BitOperations.TrailingZeroCount(bits)];
            }
        }
        return result;
    }

    private readonly record struct Filter(ulong GroupMask, ushort ChannelBit, bool IgnoreOptOuts);
}
