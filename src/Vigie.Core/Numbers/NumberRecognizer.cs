using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;
using Vigie.Time;

namespace Vigie.Numbers;

/// <summary>
/// Finds quantities in the text and assigns <see cref="NumberMention"/>s: digits with French or English
/// grouping ("350.000", "20 000", "9,500", "1,5 million"), written numbers ("quatre-vingt-dix-sept",
/// "twenty-five"), approximate counts ("une dizaine" = about 10), vague quantities ("des centaines",
/// "several": no value) and bound words ("au moins", "entre 10 et 20"). Years, dates, clock times,
/// ordinals and numbers that are part of a name are skipped; a measure after the number ("km", "%",
/// "jours") is kept in <see cref="NumberMention.Unit"/>. All words come from lang/xx/numbers.tsv.
/// </summary>
public sealed class NumberRecognizer : IComponent
{
    public string Name => "numbers";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence)];
    public IReadOnlyList<Type> Assigns => [typeof(NumberMention)];

    public void Process(Document doc)
    {
        var tokens = Tokens.AsList(doc.Layers.Get<Token>());
        doc.Layers.Set(Recognize(doc.Text, tokens, NumberLexicon.For(doc.Language), TimeWords.For(doc.Language)));
    }

    /// <summary>A parsed number before its bound and measure are attached; token indexes are [Start, End).</summary>
    private readonly record struct Core(int Start, int End, long? Value, bool Approx, bool Vague, bool Emit);

    public static List<NumberMention> Recognize(string text, List<Token> tokens, NumberLexicon lex, TimeWords time)
    {
        var result = new List<NumberMention>();
        var p = new Parser(text, tokens, lex, time);
        var i = 0;
        while (i < tokens.Count)
        {
            var next = p.At(i, result);
            i = next > i ? next : i + 1;
        }
        return result;
    }

    private sealed class Parser(string text, List<Token> tokens, NumberLexicon lex, TimeWords time)
    {
        private readonly int _n = tokens.Count;

        /// <summary>Reads a mention starting at token <paramref name="i"/>; returns the index after what was consumed (i when nothing).</summary>
        public int At(int i, List<NumberMention> output)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word ? !lex.MayStart(t.Folded) : t.Kind != TokenKind.Number) return i;
            // "entre 10 et 20", "between 10 and 20"
            if (lex.RangeStarts.TryMatch(tokens, i, out _, out var j)
                && TryCore(j, true, out var low) && low.Emit && low.Value is { } lo
                && low.End < _n && lex.RangeLinks.Contains(tokens[low.End].Folded)
                && TryCore(low.End + 1, true, out var high) && high.Emit && high.Value is { } hi && hi > lo)
            {
                output.Add(new NumberMention(Span(low.Start, high.End), lo, Bound.Range)
                {
                    Low = lo, High = hi, BoundSpan = Span(i, j), Unit = MeasureAfter(high.End, out _),
                });
                return high.End;
            }
            // "au moins 74", "plus d'une centaine", "nearly 9,500"
            if (lex.Bounds.TryMatch(tokens, i, out var bound, out j) && TryCore(j, true, out var bounded))
            {
                if (!bounded.Emit) return bounded.End;
                output.Add(Mention(bounded, bounded.Vague ? Bound.About : bound, Span(i, j)));
                return bounded.End;
            }
            if (!TryCore(i, false, out var core)) return i;
            if (!core.Emit) return core.End;
            // "de 10 à 20 morts", "10 to 20"
            if (core.Value is { } a && !core.Vague && core.End + 1 < _n && lex.RangeTo.Contains(tokens[core.End].Folded)
                && TryCore(core.End + 1, false, out var upper) && upper.Emit && !upper.Vague && upper.Value is { } b && b > a)
            {
                output.Add(new NumberMention(Span(core.Start, upper.End), a, Bound.Range) { Low = a, High = b, Unit = MeasureAfter(upper.End, out _) });
                return upper.End;
            }
            output.Add(Mention(core, core.Vague ? Bound.About : core.Approx ? Bound.About : Bound.Exact, null));
            return core.End;
        }

        private NumberMention Mention(Core c, Bound bound, TextSpan? boundSpan) =>
            new(Span(c.Start, c.End), c.Vague ? null : c.Value, bound)
            {
                Vague = c.Vague,
                BoundSpan = boundSpan,
                Unit = MeasureAfter(c.End, out _) ?? MeasureBefore(c.Start),
            };

        /// <summary>A symbol glued in front of the number ("$5 million", "€200").</summary>
        private string? MeasureBefore(int i) =>
            i > 0 && tokens[i - 1].Kind != TokenKind.Word && Glued(i - 1, i) && lex.Measures.TryMatch(tokens, i - 1, out var unit, out var end) && end == i ? unit : null;

        private TextSpan Span(int startToken, int endToken) => new(tokens[startToken].Start, tokens[endToken - 1].End);

        /// <summary>The measure named right after a number ("km", "%", "jours", "26-month"), or null.</summary>
        private string? MeasureAfter(int i, out int end)
        {
            end = i;
            if (i >= _n) return null;
            if (lex.Measures.TryMatch(tokens, i, out var unit, out end)) return unit;
            // "26-month war"
            if (tokens[i].Folded == "-" && tokens[i].Start == tokens[i - 1].End && lex.Measures.TryMatch(tokens, i + 1, out unit, out end)) return unit;
            return null;
        }

        private bool IsWord(int i, NumberWordKind kind) =>
            i < _n && lex.Words.TryGetValue(tokens[i].Folded, out var w) && w.Kind == kind;

        private bool Glued(int a, int b) => tokens[a].End == tokens[b].Start;

        /// <summary>A number starting exactly at token i. Emit=false means consumed but not a quantity (a year, a date, a name).</summary>
        private bool TryCore(int i, bool afterBound, out Core core)
        {
            core = default;
            if (i >= _n) return false;
            var t = tokens[i];
            if (t.Kind == TokenKind.Number) return TryDigits(i, afterBound, out core);
            if (t.Kind != TokenKind.Word) return false;
            if (!lex.Words.TryGetValue(t.Folded, out var w)) return t.Folded.Contains('-') && TryWords(i, out core);
            switch (w.Kind)
            {
                case NumberWordKind.Vague:
                case NumberWordKind.Determiner:
                {
                    var j = i + 1;
                    // "de nombreux", "des dizaines", "plusieurs centaines", "quelques milliers", "des millions"
                    if (w.Kind == NumberWordKind.Determiner && !(IsWord(j, NumberWordKind.Approx) || IsWord(j, NumberWordKind.Multiplier) || IsWord(j, NumberWordKind.Vague)))
                        return false;
                    while (j < _n && (IsWord(j, NumberWordKind.Approx) || IsWord(j, NumberWordKind.Multiplier) || IsWord(j, NumberWordKind.Vague))) j++;
                    j = ExtendOfThousands(j, out _);
                    core = new Core(i, j, null, true, true, true);
                    return true;
                }
                case NumberWordKind.Article:
                    // "une dizaine", "un millier"; "un million", "a hundred" go through the word parser
                    if (IsWord(i + 1, NumberWordKind.Approx))
                    {
                        var value = lex.Words[tokens[i + 1].Folded].Value;
                        var end = ExtendOfThousands(i + 2, out var factor);
                        core = new Core(i, end, value * factor, true, false, true);
                        return true;
                    }
                    if (IsWord(i + 1, NumberWordKind.Hundred) || IsWord(i + 1, NumberWordKind.Thousand) || IsWord(i + 1, NumberWordKind.Multiplier))
                        return TryWords(i, out core);
                    return false;
                case NumberWordKind.Approx:
                    // "dizaines de", "dozens", "hundreds": no number in front = vague
                    core = new Core(i, ExtendOfThousands(i + 1, out _), null, true, true, true);
                    return true;
                default:
                    return TryWords(i, out core);
            }
        }

        /// <summary>"une dizaine de milliers" = 10,000 about: returns the index after "de milliers" and the factor.</summary>
        private int ExtendOfThousands(int j, out long factor)
        {
            factor = 1;
            if (j + 1 < _n && lex.Words.TryGetValue(tokens[j].Folded, out var d) && d.Kind == NumberWordKind.Determiner
                && lex.Words.TryGetValue(tokens[j + 1].Folded, out var m) && m.Kind is NumberWordKind.Approx or NumberWordKind.Multiplier && m.Value >= 1000)
            {
                factor = m.Value;
                return j + 2;
            }
            return j;
        }

        private bool TryDigits(int i, bool afterBound, out Core core)
        {
            core = default;
            var first = tokens[i].Folded;
            long value = 0;
            foreach (var ch in first) { if (value > 1_000_000_000_000L) return false; value = value * 10 + (ch - '0'); }
            var j = i + 1;
            var grouped = false;
            if (first.Length <= 3)
            {
                while (j < _n)
                {
                    // "350.000", "9,500", "260'000" (the Swiss way)
                    if (j + 1 < _n && tokens[j].Kind == TokenKind.Punct && tokens[j].Folded is "." or "," or "'" && Glued(j - 1, j) && Glued(j, j + 1)
                        && IsThreeDigits(j + 1))
                    {
                        value = value * 1000 + long.Parse(tokens[j + 1].Folded, System.Globalization.CultureInfo.InvariantCulture);
                        j += 2; grouped = true; continue;
                    }
                    // "20 000", "350 000" (a plain or no-break space between groups of three)
                    if (IsThreeDigits(j) && tokens[j].Start - tokens[j - 1].End == 1 && text[tokens[j].Start - 1] is ' ' or '\u00A0' or '\u202F'
                       )
                    {
                        value = value * 1000 + long.Parse(tokens[j].Folded, System.Globalization.CultureInfo.InvariantCulture);
                        j++; grouped = true; continue;
                    }
                    break;
                }
            }
            // decimals only count before a multiplier: "1,5 million", "2.3 millions"
            double fraction = 0;
            var hasFraction = false;
            if (j + 1 < _n && tokens[j].Kind == TokenKind.Punct && tokens[j].Folded is "." or "," && Glued(j - 1, j) && Glued(j, j + 1)
                && tokens[j + 1].Kind == TokenKind.Number && tokens[j + 1].Folded.Length <= 2)
            {
                fraction = double.Parse("0." + tokens[j + 1].Folded, System.Globalization.CultureInfo.InvariantCulture);
                hasFraction = true;
                j += 2;
            }
            if (j < _n && lex.Words.TryGetValue(tokens[j].Folded, out var m) && m.Kind is NumberWordKind.Multiplier or NumberWordKind.Thousand)
            {
                core = new Core(i, j + 1, (long)Math.Round((value + fraction) * m.Value), false, false, true);
                return true;
            }
            if (hasFraction) { core = new Core(i, j, null, false, false, false); return true; }
            var emit = !grouped ? !IsNotAQuantity(i, afterBound) : !IsNamePart(i);
            core = new Core(i, j, value, false, false, emit);
            return true;
        }

        private bool IsThreeDigits(int j) => j < _n && tokens[j].Kind == TokenKind.Number && tokens[j].Folded.Length == 3;

        private bool IsYearToken(int i) => TimeWords.YearOf(tokens[i]) != 0;

        /// <summary>Years, dates ("14 avril", "June 20"), clock times ("20h30") and numbers inside names are not quantities.</summary>
        private bool IsNotAQuantity(int i, bool afterBound)
        {
            if (!afterBound && IsYearToken(i)) return true;
            if (i + 1 < _n && time.TryMonth(tokens[i + 1].Folded, true, out _) && time.DayOf(tokens[i]) > 0) return true;
            if (i > 0 && time.TryMonth(tokens[i - 1].Folded, false, out _) && time.DayOf(tokens[i]) > 0) return true;
            if (i > 0 && Glued(i - 1, i))
            {
                var prev = tokens[i - 1].Folded;
                // minutes of "20h30", "19H30"
                if (prev.Length >= 2 && prev[^1] == 'h' && char.IsAsciiDigit(prev[0])) return true;
                // "14:30"
                if (prev == ":" && i >= 2 && tokens[i - 2].Kind == TokenKind.Number) return true;
            }
            if (i + 2 < _n && tokens[i + 1].Folded == ":" && Glued(i, i + 1) && tokens[i + 2].Kind == TokenKind.Number) return true;
            // parts of a numeric date: "2019-05-27", "27/05/2019"
            if (i >= 2 && tokens[i - 1].Folded is "-" or "/" && Glued(i - 1, i) && Glued(i - 2, i - 1) && tokens[i - 2].Kind == TokenKind.Number) return true;
            if (i + 2 < _n && tokens[i + 1].Folded is "-" or "/" && Glued(i, i + 1) && Glued(i + 1, i + 2) && tokens[i + 2].Kind == TokenKind.Number) return true;
            return IsNamePart(i);
        }

        /// <summary>"Covid-19", "route numéro 4", "n° 3".</summary>
        private bool IsNamePart(int i)
        {
            if (i >= 2 && tokens[i - 1].Folded == "-" && Glued(i - 1, i) && Glued(i - 2, i - 1) && tokens[i - 2].Kind == TokenKind.Word) return true;
            return lex.NotBefore.EndsAt(tokens, i);
        }

        /// <summary>Written numbers over one or more tokens: "quatre-vingt-dix-sept", "deux cents", "vingt et un", "three thousand".</summary>
        private bool TryWords(int i, out Core core)
        {
            core = default;
            var atoms = new List<NumberWord>(4);
            var j = i;
            NumberWordKind? lastKind = null;
            while (j < _n && tokens[j].Kind == TokenKind.Word)
            {
                var f = tokens[j].Folded;
                var before = atoms.Count;
                if (lex.Words.TryGetValue(f, out var w) && IsNumeric(w.Kind))
                {
                    if (lastKind is { } lk && !Follows(lk, w.Kind)) break;
                    atoms.Add(w);
                }
                else if (f.Contains('-') && SplitCompound(f, atoms))
                {
                    if (lastKind is { } lk && !Follows(lk, atoms[before].Kind)) { atoms.RemoveRange(before, atoms.Count - before); break; }
                }
                else if (lex.Connectors.Contains(f) && lastKind is { } lk2 && j + 1 < _n
                         && lex.Words.TryGetValue(tokens[j + 1].Folded, out var after) && IsNumeric(after.Kind)
                         && ((lk2 == NumberWordKind.Ten && after.Kind is NumberWordKind.Unit or NumberWordKind.Article && after.Value is 1 or 11)
                             || (lk2 is NumberWordKind.Hundred or NumberWordKind.Thousand && after.Kind is NumberWordKind.Unit or NumberWordKind.Ten)))
                {
                    j++;
                    continue;
                }
                else break;
                lastKind = atoms[^1].Kind;
                j++;
            }
            if (atoms.Count == 0) return false;
            // a bare article is not a number ("un Casque bleu" is for the assembly to count)
            if (atoms.Count == 1 && atoms[0].Kind == NumberWordKind.Article) return false;
            long total = 0, current = 0;
            foreach (var a in atoms)
            {
                switch (a.Kind)
                {
                    case NumberWordKind.Hundred: current = (current == 0 ? 1 : current) * a.Value; break;
                    case NumberWordKind.Thousand: total += (current == 0 ? 1 : current) * a.Value; current = 0; break;
                    case NumberWordKind.Multiplier: total = (total + (current == 0 ? 1 : current)) * a.Value; current = 0; break;
                    default: current += a.Value; break;
                }
            }
            var value = total + current;
            // "deux centaines" = about 200
            if (IsWord(j, NumberWordKind.Approx))
            {
                var end = ExtendOfThousands(j + 1, out var factor);
                core = new Core(i, end, value * lex.Words[tokens[j].Folded].Value * factor, true, false, true);
                return true;
            }
            core = new Core(i, j, value, false, false, !IsNamePart(i));
            return true;
        }

        private static bool IsNumeric(NumberWordKind k) =>
            k is NumberWordKind.Unit or NumberWordKind.Article or NumberWordKind.Ten or NumberWordKind.Hundred or NumberWordKind.Thousand or NumberWordKind.Multiplier;

        /// <summary>Which word may follow which across a space ("deux cents" yes, "deux trois" no).</summary>
        private static bool Follows(NumberWordKind prev, NumberWordKind next) => prev switch
        {
            NumberWordKind.Unit or NumberWordKind.Article => next is NumberWordKind.Hundred or NumberWordKind.Thousand or NumberWordKind.Multiplier,
            NumberWordKind.Ten => next is NumberWordKind.Unit or NumberWordKind.Article or NumberWordKind.Thousand or NumberWordKind.Multiplier,
            NumberWordKind.Hundred => next is NumberWordKind.Unit or NumberWordKind.Ten or NumberWordKind.Thousand or NumberWordKind.Multiplier,
            NumberWordKind.Thousand => next is NumberWordKind.Unit or NumberWordKind.Ten or NumberWordKind.Hundred or NumberWordKind.Multiplier,
            NumberWordKind.Multiplier => next is NumberWordKind.Unit or NumberWordKind.Ten or NumberWordKind.Hundred,
            _ => false,
        };

        /// <summary>Splits "quatre-vingt-dix-sept" into known words, longest first ("quatre-vingt" + "dix" + "sept").</summary>
        private bool SplitCompound(string folded, List<NumberWord> atoms)
        {
            var parts = folded.Split('-');
            var added = new List<NumberWord>(parts.Length);
            var p = 0;
            while (p < parts.Length)
            {
                var found = false;
                for (var k = parts.Length - p; k >= 1 && !found; k--)
                {
                    var key = string.Join('-', parts, p, k);
                    if (lex.Words.TryGetValue(key, out var w) && IsNumeric(w.Kind)) { added.Add(w); p += k; found = true; }
                    else if (k == 1 && lex.Connectors.Contains(key) && added.Count > 0) { p += 1; found = true; }
                }
                if (!found) return false;
            }
            if (added.Count == 0) return false;
            atoms.AddRange(added);
            return true;
        }
    }
}
