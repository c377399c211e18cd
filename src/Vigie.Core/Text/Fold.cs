using System.Globalization;
using System.Text;

namespace Vigie.Text;

/// <summary>Folding used for all lexicon matching: lower case, accents removed, typographic apostrophes and dashes made plain.</summary>
public static class Fold
{
    private static readonly char[] Map = BuildMap();

    private static char[] BuildMap()
    {
        var map = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            map[i] = c;
            if (char.IsSurrogate(c)) continue;
            // accents are folded for the Latin blocks; other scripts are only lower-cased
            if (!(i < 0x0250 || (i >= 0x1E00 && i < 0x1F00))) { map[i] = char.ToLowerInvariant(c); continue; }
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed[0];
            if (decomposed.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark)
                c = baseChar;
            map[i] = char.ToLowerInvariant(c);
        }
        foreach (var a in "\u2019\u2018\u02BC\u00B4`\u2032") map[a] = '\'';
        foreach (var d in "\u2010\u2011\u2012\u2013\u2014\u2212") map[d] = '-';
        map['\u00A0'] = ' '; map['\u202F'] = ' '; map['\u2009'] = ' ';
        map['œ'] = 'œ'; map['Œ'] = 'œ'; map['æ'] = 'æ';
        map['ß'] = 'ß';
        return map;
    }

    public static char Char(char c) => Map[c];

    public static string String(ReadOnlySpan<char> s)
    {
        var needs = false;
        foreach (var c in s) if (Map[c] != c) { needs = true; break; }
        if (!needs) return s.ToString();
        // folded in a buffer on the stack (a word) and copied once into the string, not copied out first
        var folded = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        for (var i = 0; i < s.Length; i++) folded[i] = Map[s[i]];
        return new string(folded);
    }
}
