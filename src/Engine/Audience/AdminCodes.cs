namespace Warning.Engine.Audience;

/// <summary>
/// GB/T 2260 codes and their 9- and 12-digit extensions (statistical division codes). Because a child's code
/// starts with its parent's, sorting codes ordinally puts every subtree in one contiguous run: that is what
/// makes prefix targeting a range lookup.
/// </summary>
public static class AdminCodes
{
    /// <summary>True for 6, 9 or 12 ASCII digits.</summary>
    public static bool IsWellFormed(string? code)
    {
        if (code is null || code.Length is not (6 or 9 or 12))
        {
            return false;
        }
        foreach (var c in code)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>12 → its 9-digit street, 9 → its 6-digit county, 6 → null.</summary>
    public static string? ParentOf(string code) => code.Length switch
    {
        12 => code[..9],
        9 => code[..6],
        _ => null,
    };

    /// <summary>
    /// The prefix that selects everything inside <paramref name="code"/>: a 6-digit code drops trailing "00"
    /// pairs (440100, a city, selects "4401…"; 440000, a province, "44…"); longer codes are their own prefix.
    /// </summary>
    public static string TargetPrefix(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 6)
        {
            return code;
        }
        if (code.EndsWith("0000", StringComparison.Ordinal))
        {
            return code[..2];
        }
        return code.EndsWith("00", StringComparison.Ordinal) ? code[..4] : code;
    }

    /// <summary>
    /// The codes of the areas that contain <paramref name="code"/>, nearest first: for 440199001005 the street
    /// 440199001, the district 440199, the city 440100 and the province 440000. Which of them exist is the
    /// directory's business.
    /// </summary>
    public static IReadOnlyList<string> EnclosingCodes(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!IsWellFormed(code))
        {
            return [];
        }
        var codes = new List<string>(4);
        for (var parent = ParentOf(code); parent is not null; parent = ParentOf(parent))
        {
            codes.Add(parent);
        }
        var county = code[..6];
        if (!county.EndsWith("00", StringComparison.Ordinal))
        {
            codes.Add(county[..4] + "00");
        }
        if (!county.EndsWith("0000", StringComparison.Ordinal))
        {
            codes.Add(county[..2] + "0000");
        }
        return codes;
    }
}
