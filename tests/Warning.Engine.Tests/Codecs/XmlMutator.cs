using System.Text;
using System.Text.RegularExpressions;

namespace Warning.Engine.Tests.Codecs;

/// <summary>
/// Deterministic mutations of XML text, from structure-aware (drop, duplicate or swap an element, garble a
/// value) to blind (flip, insert or delete characters, truncate), so that both the parser and the mappers are hit.
/// </summary>
internal sealed partial class XmlMutator(int seed)
{
    private const string Garbage = "<>&;\"'/=x9-,. \t\n\u00e9\u66b4\u0000\ud83d\ude00ZT+:";
    private readonly Random _random = new(seed);

    public string Mutate(string document)
    {
        var text = document;
        var rounds = _random.Next(1, 4);
        for (var i = 0; i < rounds; i++)
        {
            text = _random.Next(9) switch
            {
                0 => DropElement(text),
                1 => DuplicateElement(text),
                2 => GarbleValue(text),
                3 => SwapValues(text),
                4 => Truncate(text),
                5 => InsertGarbage(text),
                6 => DeleteRange(text),
                7 => ReplaceValue(text, Pick(["", "-1", "99999999999999999999", "1e309", "Z", "NaN", "2024-13-45T25:61:61+99:99", "Red Orange"])),
                _ => FlipCharacter(text),
            };
        }
        return text;
    }

    [GeneratedRegex(@"<(?<name>[A-Za-z:]+)>[^<]*</\k<name>>", RegexOptions.CultureInvariant)]
    private static partial Regex LeafElement();

    [GeneratedRegex(@">(?<value>[^<]+)<", RegexOptions.CultureInvariant)]
    private static partial Regex Value();

    private string DropElement(string text) => WithMatch(LeafElement(), text, m => text.Remove(m.Index, m.Length));

    private string DuplicateElement(string text) => WithMatch(LeafElement(), text, m => text.Insert(m.Index, m.Value));

    private string GarbleValue(string text) => WithMatch(Value(), text, m =>
    {
        var group = m.Groups["value"];
        var chars = group.Value.ToCharArray();
        chars[_random.Next(chars.Length)] = Garbage[_random.Next(Garbage.Length)];
        return text.Remove(group.Index, group.Length).Insert(group.Index, new string(chars));
    });

    private string ReplaceValue(string text, string value) => WithMatch(Value(), text, m =>
        text.Remove(m.Groups["value"].Index, m.Groups["value"].Length).Insert(m.Groups["value"].Index, value));

    private string SwapValues(string text)
    {
        var matches = Value().Matches(text);
        if (matches.Count < 2)
        {
            return text;
        }
        var a = matches[_random.Next(matches.Count)].Groups["value"];
        var b = matches[_random.Next(matches.Count)].Groups["value"];
        if (a.Index == b.Index)
        {
            return text;
        }
        var (first, second) = a.Index < b.Index ? (a, b) : (b, a);
        return new StringBuilder(text)
            .Remove(second.Index, second.Length).Insert(second.Index, first.Value)
            .Remove(first.Index, first.Length).Insert(first.Index, second.Value)
            .ToString();
    }

    private string Truncate(string text) => text[.._random.Next(text.Length)];

    private string InsertGarbage(string text) =>
        text.Insert(_random.Next(text.Length), new string(Garbage[_random.Next(Garbage.Length)], _random.Next(1, 4)));

    private string DeleteRange(string text)
    {
        var start = _random.Next(text.Length);
        return text.Remove(start, Math.Min(text.Length - start, _random.Next(1, 40)));
    }

    private string FlipCharacter(string text)
    {
        var chars = text.ToCharArray();
        var index = _random.Next(chars.Length);
        chars[index] = (char)(chars[index] ^ (1 << _random.Next(7)));
        return new string(chars);
    }

    private string WithMatch(Regex regex, string text, Func<Match, string> change)
    {
        var matches = regex.Matches(text);
        return matches.Count == 0 ? text : change(matches[_random.Next(matches.Count)]);
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
