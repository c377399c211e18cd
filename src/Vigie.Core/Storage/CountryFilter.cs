using Vigie.Lexicons;
using Vigie.Extraction.Finders;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Storage;

/// <summary>
/// The one reading of a country filter, for `vigie events --country` and the API's <c>country=</c>: an ISO 3166-1
/// alpha-2 code (any case: "SY", "sy"), an alpha-3 code of data/export/countries.tsv ("SYR"), or a country's name in
/// English or French as the language packs write it ("Syria", "Syrie", "Burkina Faso"), resolved to its alpha-2 code.
/// </summary>
public static class CountryFilter
{
    /// <summary>The alpha-2 code for <paramref name="input"/>, or false with a message that says what is expected.</summary>
    public static bool TryParse(string? input, out string? iso2, out string? error)
    {
        iso2 = null; error = null;
        var text = input?.Trim() ?? "";
        if (text.Length == 2 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]))
        {
            iso2 = text.ToUpperInvariant();
            return true;
        }
        if (text.Length == 3 && text.All(char.IsAsciiLetter) && Country.OfIso3(text) is { } c3)
        {
            iso2 = c3.Iso2;
            return true;
        }
        if (text.Length is > 2 and <= 60 && ByName(text) is { } named)
        {
            iso2 = named;
            return true;
        }
        error = $"unknown country '{Shorten(text)}': use a two-letter ISO 3166 code such as SY, or a country name such as Syria";
        return false;
    }

    private static string? ByName(string name)
    {
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Count == 0) return null;
        // the names ACLED uses first, then the other packs
        foreach (var lang in Languages.All.OrderBy(l => l == Languages.ActorNames ? 0 : 1))
        {
            var countries = Countries.Lexicon.For(lang);
            if (countries.At(tokens, 0, tokens.Count, out var entry, out var length, name) && length == tokens.Count && !entry.Demonym)
                return entry.Iso2;
        }
        return Country.OfName(name)?.Iso2;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
