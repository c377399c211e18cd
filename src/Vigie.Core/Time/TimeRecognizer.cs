using Vigie.Extraction;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Time;

/// <summary>
/// Finds time expressions with the patterns of lang/xx/time.tsv, works out the publication day
/// (the input's day, else <see cref="PublicationDayInference"/>), and resolves every expression
/// against it. Assigns <see cref="TimeMention"/>s and sets <see cref="ExtractionResult.PublicationDay"/>,
/// <see cref="ExtractionResult.DateResolved"/> and a note when the day stays unknown. Numbers that are
/// part of a date ("du 7 au 8 septembre") are taken out of the number layer.
/// </summary>
public sealed class TimeRecognizer : IComponent
{
    public string Name => "time";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(NumberMention)];
    public IReadOnlyList<Type> Assigns => [typeof(TimeMention), typeof(ExtractionResult)];

    /// <summary>How far into the text a dateline may be.</summary>
    private const int DatelineReach = 600;

    public void Process(Document doc)
    {
        var tokens = doc.Layers.Get<Token>();
        var numbers = doc.Layers.Get<NumberMention>();
        var rules = TimeRules.For(doc.Language);
        var expressions = new TimeMatcher(doc.Text, tokens, rules, numbers).MatchAll();
        foreach (var e in expressions) e.IsDateline = IsDateline(doc.Text, e);

        var result = ExtractionResult.For(doc);
        DateOnly? day = null;
        if (doc.Published is { } pub)
        {
            if (pub.Precision == DatePrecision.Day) day = pub.First;
            else
            {
                var inferred = PublicationDayInference.Infer(pub, expressions);
                if (inferred.Day is { } d)
                {
                    day = d;
                    result.DateResolved = new ResolvedDate { Date = PartialDate.OfDay(d), Evidence = inferred.Evidence, Reason = inferred.Reason };
                }
                else result.Notes.Add($"publication day: {inferred.Reason}");
            }
        }
        else result.Notes.Add("publication day: the input gives no date; relative dates are left unresolved");
        result.PublicationDay = day;

        var resolver = new TimeResolver(day, doc.Published) { ConflictYear = ConflictYear(doc.Text, tokens, expressions, rules.Words) };
        var mentions = new List<TimeMention>(expressions.Count);
        foreach (var e in expressions) mentions.Add(resolver.Resolve(e));
        doc.Layers.Set(mentions);

        // the day and year numbers of dates are not quantities
        var dated = expressions.Where(e => e.Days.Count > 0 || e.Years.Count > 0).Select(e => e.Span).ToList();
        if (dated.Count > 0 && numbers.Count > 0)
            doc.Layers.Set(numbers.Where(n => n.Unit != null || !dated.Any(s => s.Contains(n.Span))).ToList());
    }

    /// <summary>A full date that opens a line near the top, alone or after an upper-case place name ("BAMAKO, 12 sept").</summary>
    private static bool IsDateline(string text, TimeExpression e)
    {
        if (e.Rule.Resolve != Resolution.Date || e.Days.Count == 0 || e.Months.Count == 0 || e.Span.Start > DatelineReach) return false;
        // "Publié le 12 septembre 2017": the page's own publication line
        if (e.Rule.Arg == "dateline") return true;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, e.Span.Start - 1)) + 1;
        if (lineStart > e.Span.Start) lineStart = 0;
        var head = text.AsSpan(lineStart, e.Span.Start - lineStart);
        var letters = 0;
        var depth = 0;
        foreach (var c in head)
        {
            // "MOSSOUL (Irak), 10 juillet": a parenthesised country may be in any case
            if (c == '(') { depth++; continue; }
            if (c == ')') { depth = Math.Max(0, depth - 1); continue; }
            if (char.IsLetter(c)) { if (depth == 0 && !char.IsUpper(c)) return false; letters++; }
            else if (!(char.IsWhiteSpace(c) || c is ',' or '-' or '\'' or '.' or '/')) return false;
        }
        // the rest of the line is short (a date alone) or the article's first sentence after the place
        return letters == 0 ? LineRestIsShort(text, e.Span.End) : true;
    }

    private static bool LineRestIsShort(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        if (end < 0) end = text.Length;
        var rest = text.AsSpan(from, end - from).Trim();
        return rest.Length == 0 || rest[0] is '(' or '-' or '—' or ':' or ',';
    }

    /// <summary>The start year of the conflict: a year of a "déclenché en" / "depuis" expression in a sentence that names a conflict.</summary>
    private static int? ConflictYear(string text, IReadOnlyList<Token> tokens, List<TimeExpression> expressions, TimeWords words)
    {
        foreach (var e in expressions)
        {
            if (e.Rule.Resolve != Resolution.ConflictYear || e.Years.Count == 0) continue;
            // look for a conflict noun within the neighbouring tokens of the same sentence
            var from = Math.Max(0, e.FirstToken - 12);
            var to = Math.Min(tokens.Count, e.EndToken + 12);
            for (var k = from; k < to; k++)
                if (words.ConflictNouns.Contains(tokens[k].Folded)) return e.Years[0];
        }
        return null;
    }
}
